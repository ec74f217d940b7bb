import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ledger and statistics facts of a work order (docs/statistics.md, seed 001 annex 3):
 *
 * - `handling_unit`: the unit the order was dispatched to (the process variable `unit`, the
 *   lead unit when there are several); `co_units`: the other units (`coUnits`). The form's
 *   `responsible_units` are only what intake was told; dispatch decides, and a closed order
 *   has no current unit any more, so the ledger and the per-unit figures need this.
 * - `dispatched_at`: 分办转办时间, the first time a task waited on the handling unit.
 * - `(requested_at, id)`: the key the ledger export pages by.
 */
export class WorkOrderLedger1732850000000 implements MigrationInterface {
  name = 'WorkOrderLedger1732850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_order ADD COLUMN handling_unit text, ADD COLUMN co_units text[] NOT NULL DEFAULT '{}', ADD COLUMN dispatched_at timestamptz`);
    await q.query(`CREATE INDEX work_order_requested_id ON work_order (requested_at, id)`);
    await q.query(`CREATE INDEX work_order_handling_unit ON work_order (handling_unit)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS work_order_handling_unit`);
    await q.query(`DROP INDEX IF EXISTS work_order_requested_id`);
    await q.query(`ALTER TABLE work_order DROP COLUMN IF EXISTS dispatched_at, DROP COLUMN IF EXISTS co_units, DROP COLUMN IF EXISTS handling_unit`);
  }
}
