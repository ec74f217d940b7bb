import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Regions (counties, cities: the tenants of definitions) and which process definition new work
 * orders of a region start. Activations are append-only: the latest row is the active one, the
 * rows before it are the audit trail and what a rollback returns to.
 */
export class Regions1732600000000 implements MigrationInterface {
  name = 'Regions1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE region_activation (
        id bigserial PRIMARY KEY,
        region_id text NOT NULL REFERENCES region(id) ON DELETE CASCADE,
        definition_id text NOT NULL,
        previous_definition_id text,
        kind text NOT NULL CHECK (kind IN ('activate', 'rollback')),
        activated_by text,
        reason text,
        activated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX region_activation_region ON region_activation (region_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS region_activation`);
    await q.query(`DROP TABLE IF EXISTS region`);
  }
}
