/** Statements of the SMS outbox (table created by migrations/1732400000000-sms-outbox.ts). */

/**
 * Records a message for an external task, or finds the one recorded by an earlier delivery of
 * the same task (lock ran out, worker restarted): the external task id is the idempotency key.
 */
export const reserveSms = `
  INSERT INTO sms_outbox (id, external_task_id, process_instance_id, business_key, activity_id, recipient, template, body,
    status, attempts, created_at, recipient_unit, recipient_role)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 1, $9, $10, $11)
  ON CONFLICT (external_task_id) DO UPDATE SET attempts = sms_outbox.attempts + 1
  RETURNING id, external_task_id, recipient, body, status, provider_message_id, attempts`;

export const markSent = `
  UPDATE sms_outbox SET status = 'sent', provider = $2, provider_message_id = $3, sent_at = $4, last_error = NULL
  WHERE external_task_id = $1`;

export const markFailed = `UPDATE sms_outbox SET status = 'failed', last_error = $2 WHERE external_task_id = $1 AND status <> 'sent'`;
