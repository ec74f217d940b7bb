import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SMS outbox the notification worker (`src/worker/topics/sms.ts`) writes: one row per
 * external task, so a task delivered twice (lock ran out, worker restarted) sends one message.
 * No foreign key to the process instance: the worker may run against a database where the
 * instance was already cleaned up, and the outbox is the record of what was sent.
 */
export class SmsOutbox1732400000000 implements MigrationInterface {
  name = 'SmsOutbox1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sms_outbox (
        id text PRIMARY KEY,
        external_task_id text NOT NULL UNIQUE,
        process_instance_id text,
        business_key text,
        activity_id text,
        recipient text NOT NULL,
        template text,
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        provider text,
        provider_message_id text,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX sms_outbox_status ON sms_outbox (status, created_at)`);
    await q.query(`CREATE INDEX sms_outbox_business_key ON sms_outbox (business_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sms_outbox`);
  }
}
