/**
 * The SMS of one process instance: what the worker recorded in `sms_outbox` (written by
 * src/worker through the same database), joined with the external task that asked for it
 * (retries left, when the next attempt is due) and its open incident, if any.
 */

const ACTIVITY_NAME = `(SELECT a.activity_name FROM activity_instance a
    WHERE a.process_instance_id = $1 AND a.activity_id = {activity} ORDER BY a.seq DESC LIMIT 1)`;
const OPEN_INCIDENT = `(SELECT min(i.created_at) FROM incident i
    WHERE i.configuration = {task} AND i.incident_type = 'failedExternalTask' AND i.resolved_at IS NULL)`;

export const outboxOfInstance = `
  SELECT o.id, o.external_task_id, o.activity_id, o.recipient, o.recipient_unit, o.recipient_role, o.template, o.body,
    o.status, o.provider, o.provider_message_id, o.attempts, o.last_error, o.created_at, o.sent_at,
    et.id IS NOT NULL AS task_open, et.retries, et.lock_expiration_time, et.worker_id, et.error_message,
    ${ACTIVITY_NAME.replace('{activity}', 'o.activity_id')} AS activity_name,
    ${OPEN_INCIDENT.replace('{task}', 'o.external_task_id')} AS incident_at
  FROM sms_outbox o
  LEFT JOIN external_task et ON et.id = o.external_task_id
  WHERE o.process_instance_id = $1
  ORDER BY o.created_at, o.id`;

/** SMS tasks no worker has recorded yet (not fetched, or refused before sending: bad template). */
export const unrecordedSmsTasks = `
  SELECT et.id AS external_task_id, et.activity_id, et.created_at, et.retries, et.lock_expiration_time, et.worker_id,
    et.error_message, et.extension_properties,
    ${ACTIVITY_NAME.replace('{activity}', 'et.activity_id')} AS activity_name,
    ${OPEN_INCIDENT.replace('{task}', 'et.id')} AS incident_at
  FROM external_task et
  WHERE et.process_instance_id = $1 AND et.topic_name = 'sms'
    AND NOT EXISTS (SELECT 1 FROM sms_outbox o WHERE o.external_task_id = et.id)
  ORDER BY et.created_at, et.id`;
