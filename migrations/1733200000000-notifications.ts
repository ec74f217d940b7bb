import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications per work order (docs/notifications.md): the outbox row also records whom the
 * diagram addressed (`recipient_unit`, `recipient_role`), so the per-order view can say
 * "the unit head of water-bureau" and mask a requester's number for viewers who may not see it.
 * The service reads the outbox by the instance (`GET /api/work-orders/{id}/notifications`).
 */
export class Notifications1733200000000 implements MigrationInterface {
  name = 'Notifications1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sms_outbox ADD COLUMN recipient_unit text, ADD COLUMN recipient_role text`);
    await q.query(`CREATE INDEX sms_outbox_process_instance ON sms_outbox (process_instance_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS sms_outbox_process_instance`);
    await q.query(`ALTER TABLE sms_outbox DROP COLUMN IF EXISTS recipient_unit, DROP COLUMN IF EXISTS recipient_role`);
  }
}
