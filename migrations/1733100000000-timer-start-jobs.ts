import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Timer start events (Camunda's timer start jobs) live in `timer_job` too, as rows that belong
 * to a process definition instead of an instance: `process_instance_id` and `execution_id` are
 * NULL, `process_definition_id` names the definition. One table, so that the scheduler's
 * claiming, leases, retries, incidents, BullMQ job ids, reconciler and test-clock stepping
 * cover both kinds with the same statements, and a start timer and an instance timer due at
 * the same moment are fired in one due-time order.
 *
 * A definition-level job has no instance, so its failedJob incident has none either.
 */
export class TimerStartJobs1733100000000 implements MigrationInterface {
  name = 'TimerStartJobs1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE timer_job ALTER COLUMN process_instance_id DROP NOT NULL`);
    await q.query(`ALTER TABLE timer_job ALTER COLUMN execution_id DROP NOT NULL`);
    // Deleting a deployment deletes its definitions, and with them their timer start jobs.
    await q.query(`ALTER TABLE timer_job ADD COLUMN process_definition_id text REFERENCES process_definition(id) ON DELETE CASCADE`);
    await q.query(`
      ALTER TABLE timer_job ADD CONSTRAINT timer_job_owner
      CHECK ((process_instance_id IS NOT NULL AND execution_id IS NOT NULL) OR (process_instance_id IS NULL AND process_definition_id IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX timer_job_start_event ON timer_job (process_definition_id, activity_id) WHERE process_instance_id IS NULL`);
    await q.query(`ALTER TABLE incident ALTER COLUMN process_instance_id DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM incident WHERE process_instance_id IS NULL`);
    await q.query(`ALTER TABLE incident ALTER COLUMN process_instance_id SET NOT NULL`);
    await q.query(`DELETE FROM timer_job WHERE process_instance_id IS NULL`);
    await q.query(`DROP INDEX IF EXISTS timer_job_start_event`);
    await q.query(`ALTER TABLE timer_job DROP CONSTRAINT IF EXISTS timer_job_owner`);
    await q.query(`ALTER TABLE timer_job DROP COLUMN IF EXISTS process_definition_id`);
    await q.query(`ALTER TABLE timer_job ALTER COLUMN execution_id SET NOT NULL`);
    await q.query(`ALTER TABLE timer_job ALTER COLUMN process_instance_id SET NOT NULL`);
  }
}
