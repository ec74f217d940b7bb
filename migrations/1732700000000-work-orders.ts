import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work orders (docs/work-orders.md): the registered form (seed 001, annex 2), the number, the
 * process instance it started, and the projection the engine keeps in step with it.
 *
 * - `work_order`: one row per order. Form fields as registered; `status` … `satisfaction` are
 *   the projection, written in the transaction of each engine command on the instance
 *   (`process_revision` is the instance revision it was computed at). No foreign key to
 *   `process_instance`: the order is the ledger entry and outlives history clean-up.
 *   `(region, idempotency_key)` is unique, so a resubmitted intake finds the first one.
 * - `work_order_sequence`: the last number handed out per region and local day. Intake
 *   increments it with an upsert inside its own transaction, so two intakes of one region
 *   queue on the row and the numbers have no gaps and no duplicates.
 * - `work_order_attachment`: files by reference (the bytes live in object storage under
 *   `storage_key`); size and content type limits are checked at intake.
 */
export class WorkOrders1732700000000 implements MigrationInterface {
  name = 'WorkOrders1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_order_sequence (
        region text NOT NULL,
        day date NOT NULL,
        seq integer NOT NULL,
        PRIMARY KEY (region, day)
      )`);
    await q.query(`
      CREATE TABLE work_order (
        id text PRIMARY KEY,
        number text NOT NULL UNIQUE,
        region text NOT NULL REFERENCES region(id),
        requester_type text NOT NULL CHECK (requester_type IN ('person', 'unit')),
        requester_name text NOT NULL,
        unit_contact text,
        phone text NOT NULL,
        address text,
        requested_at timestamptz NOT NULL,
        channel text NOT NULL,
        category text NOT NULL,
        content text NOT NULL,
        urgency text,
        responsible_units text[] NOT NULL DEFAULT '{}',
        lead_unit text,
        deadline timestamptz,
        form_contact text,
        form_contact_phone text,
        remarks text,
        idempotency_key text,
        request_hash text NOT NULL,
        process_instance_id text UNIQUE,
        definition_id text NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('dispatching', 'handling', 'reviewing', 'callback', 'closed', 'cancelled')),
        current_unit text,
        due_at timestamptz,
        extension_count integer NOT NULL DEFAULT 0,
        return_count integer NOT NULL DEFAULT 0,
        returned_at timestamptz,
        reminder_count integer NOT NULL DEFAULT 0,
        reminded_at timestamptz,
        supervision_count integer NOT NULL DEFAULT 0,
        supervised_at timestamptz,
        redo_count integer NOT NULL DEFAULT 0,
        redone_at timestamptz,
        completed_at timestamptz,
        callback_at timestamptz,
        satisfaction text CHECK (satisfaction IN ('satisfied', 'basicallySatisfied', 'unsatisfied')),
        process_revision integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL,
        UNIQUE (region, idempotency_key)
      )`);
    await q.query(`CREATE INDEX work_order_region_created ON work_order (region, created_at DESC)`);
    await q.query(`CREATE INDEX work_order_status ON work_order (status)`);
    await q.query(`CREATE INDEX work_order_current_unit ON work_order (current_unit)`);
    await q.query(`CREATE INDEX work_order_responsible_units ON work_order USING gin (responsible_units)`);
    await q.query(`CREATE INDEX work_order_requested_at ON work_order (requested_at)`);
    await q.query(`CREATE INDEX work_order_due_at ON work_order (due_at) WHERE status NOT IN ('closed', 'cancelled')`);
    await q.query(`
      CREATE TABLE work_order_attachment (
        id text PRIMARY KEY,
        work_order_id text NOT NULL REFERENCES work_order(id) ON DELETE CASCADE,
        position integer NOT NULL,
        storage_key text NOT NULL,
        name text NOT NULL,
        size bigint NOT NULL CHECK (size > 0),
        content_type text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (work_order_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS work_order_attachment`);
    await q.query(`DROP TABLE IF EXISTS work_order`);
    await q.query(`DROP TABLE IF EXISTS work_order_sequence`);
  }
}
