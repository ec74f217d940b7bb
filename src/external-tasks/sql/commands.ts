/** Statements of the worker commands on one external task row, and the incidents they raise. */
import { externalTaskColumns } from './fetch-and-lock.js';

export const instanceOfTask = `SELECT process_instance_id FROM external_task WHERE id = $1`;

/** Taken inside the command's transaction: the row may have gone (completed, instance ended) meanwhile. */
export const lockTaskRow = `
  SELECT ${externalTaskColumns}, pd.version_tag FROM external_task et
  JOIN process_definition pd ON pd.id = et.process_definition_id
  WHERE et.id = $1 FOR UPDATE OF et`;

export const setLock = `UPDATE external_task SET worker_id = $2, lock_expiration_time = $3 WHERE id = $1`;

export const clearLock = `UPDATE external_task SET worker_id = NULL, lock_expiration_time = NULL WHERE id = $1`;

/** A reported failure: the task stays with the worker until the retry timeout, then is fetchable again. */
export const recordFailure = `
  UPDATE external_task SET retries = $2, error_message = $3, error_details = $4, lock_expiration_time = $5
  WHERE id = $1`;

export const setRetries = `UPDATE external_task SET retries = $2 WHERE id = $1`;

export const INCIDENT_TYPE = 'failedExternalTask';

/** One open incident per external task, however often its last retry is reported failed. */
export const raiseIncident = `
  INSERT INTO incident (id, process_instance_id, process_definition_id, activity_id, execution_id, incident_type,
    configuration, message, created_at)
  SELECT $1, $2, $3, $4, $5, '${INCIDENT_TYPE}', $6, $7, $8
  WHERE NOT EXISTS (
    SELECT 1 FROM incident WHERE configuration = $6 AND incident_type = '${INCIDENT_TYPE}' AND resolved_at IS NULL)
  RETURNING id`;

export const resolveIncidents = `
  UPDATE incident SET resolved_at = $2
  WHERE configuration = $1 AND incident_type = '${INCIDENT_TYPE}' AND resolved_at IS NULL
  RETURNING id`;

export const insertHistoryEvent = `
  INSERT INTO history_event (process_instance_id, event_type, activity_id, execution_id, user_id, payload, time)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;
