/**
 * Statements on `timer_job` as the scheduler sees it. The engine writes the rows (one per
 * armed timer, reconciled with every command); the scheduler only claims, releases, records
 * failures and deletes nothing itself: a fired timer's row disappears because the firing
 * command's own reconciliation no longer finds the timer armed.
 *
 * Two kinds of time meet here, on purpose:
 *  - `due_at` is business time: compared with the injected clock ($now), so a test clock
 *    makes a five-day deadline due at once.
 *  - `locked_until` is liveness time: a lease that says "node X is firing this, or it failed
 *    and waits for a retry". It is compared with PostgreSQL's own `now()`, because a lease
 *    must expire in real time even when the business clock stands still or jumps.
 * A lease with `locked_by` set is a firing in flight; without it, a retry back-off.
 *
 * Rows of both kinds are claimed here alike: instance timers (`process_instance_id` set) and
 * timer start jobs (`process_instance_id` NULL, `process_definition_id` set); see
 * sql/timer-start-jobs.ts for what only the latter need.
 */

const claimable = `attempts < $2 AND (locked_until IS NULL OR locked_until < now())`;

const claimedColumns = (p: string) =>
  ['id', 'process_instance_id', 'process_definition_id', 'activity_id', 'execution_id', 'due_at', 'attempts'].map((c) => p + c).join(', ');

/** $1 now, $2 max attempts, $3 limit, $4 node id, $5 lease ms. Oldest due first. */
export const claimDue = `
  WITH due AS (
    SELECT id FROM timer_job
    WHERE due_at <= $1 AND ${claimable}
    ORDER BY due_at, id
    LIMIT $3
    FOR UPDATE SKIP LOCKED)
  UPDATE timer_job t
  SET locked_by = $4, locked_until = now() + make_interval(secs => $5::double precision / 1000)
  FROM due WHERE t.id = due.id
  RETURNING ${claimedColumns('t.')}`;

/** $1 id, $2 due at (the job's), $3 max attempts, $4 node id, $5 lease ms. */
export const claimOne = `
  UPDATE timer_job
  SET locked_by = $4, locked_until = now() + make_interval(secs => $5::double precision / 1000)
  WHERE id = $1 AND due_at = $2 AND attempts < $3 AND (locked_until IS NULL OR locked_until < now())
  RETURNING ${claimedColumns('')}`;

/** Whether a job that could not be claimed still has a row (someone else holds it). $1 id, $2 due at. */
export const timerExists = `SELECT 1 FROM timer_job WHERE id = $1 AND due_at = $2`;

/** Inside the firing transaction, after the instance lock: is the timer still the one we claimed? */
export const timerForFiring = `SELECT due_at FROM timer_job WHERE id = $1`;

/** $1 id, $2 node id. Drops our lease when the row outlived a firing (it normally does not). */
export const releaseLease = `UPDATE timer_job SET locked_by = NULL, locked_until = NULL WHERE id = $1 AND locked_by = $2`;

/** $1 id, $2 node id, $3 back-off ms. Lets another attempt happen after a transient conflict. */
export const backOff = `
  UPDATE timer_job SET locked_by = NULL, locked_until = now() + make_interval(secs => $3::double precision / 1000)
  WHERE id = $1 AND locked_by = $2`;

/** $1 id, $2 due at, $3 message, $4 retry delay ms. Returns the attempts made so far. */
export const recordFailure = `
  UPDATE timer_job
  SET attempts = attempts + 1, error_message = $3, locked_by = NULL,
      locked_until = now() + make_interval(secs => $4::double precision / 1000)
  WHERE id = $1 AND due_at = $2
  RETURNING attempts`;

/**
 * Camunda's `failedJob` incident: configuration holds the job (timer) id. One open incident per
 * timer. $1 incident id, $2 instance, $3 activity, $4 execution, $5 timer id, $6 message, $7 now.
 */
export const insertIncident = `
  INSERT INTO incident (id, process_instance_id, process_definition_id, activity_id, execution_id, incident_type, configuration, message, created_at)
  SELECT $1, i.id, i.definition_id, $3, $4, 'failedJob', $5, $6, $7
  FROM process_instance i
  WHERE i.id = $2
    AND NOT EXISTS (SELECT 1 FROM incident WHERE configuration = $5 AND incident_type = 'failedJob' AND resolved_at IS NULL)`;

/**
 * The same for a timer start job, which has no instance: the incident names the definition.
 * $1 incident id, $2 definition, $3 activity, $4 timer id, $5 message, $6 now.
 */
export const insertStartIncident = `
  INSERT INTO incident (id, process_instance_id, process_definition_id, activity_id, execution_id, incident_type, configuration, message, created_at)
  SELECT $1, NULL, $2, $3, NULL, 'failedJob', $4, $5, $6
  WHERE NOT EXISTS (SELECT 1 FROM incident WHERE configuration = $4 AND incident_type = 'failedJob' AND resolved_at IS NULL)`;

/**
 * When the next claimable timer becomes due (a lease or back-off pushes it to its end).
 * $1 max attempts. Used by the in-process loop to decide how long to sleep.
 */
export const nextWake = `
  SELECT min(greatest(due_at, coalesce(locked_until, due_at))) AS next
  FROM timer_job WHERE attempts < $1`;

/** The earliest claimable due time up to $1 (test clock stepping). $2 max attempts. */
export const nextDueUpTo = `
  SELECT min(due_at) AS next FROM timer_job WHERE due_at <= $1 AND ${claimable}`;

/** Firings in flight elsewhere on timers already due. $1 now, $2 max attempts. */
export const inFlightDue = `
  SELECT count(*)::int AS n FROM timer_job
  WHERE due_at <= $1 AND attempts < $2 AND locked_by IS NOT NULL AND locked_until >= now()`;

/**
 * A page of timers the reconciler hands to the delivery again, keyset-paged by (due_at, id).
 * $1 horizon, $2 max attempts, $3 after due, $4 after id, $5 limit.
 */
export const pendingPage = `
  SELECT id, due_at FROM timer_job
  WHERE due_at <= $1 AND ${claimable} AND (due_at, id) > ($3, $4)
  ORDER BY due_at, id
  LIMIT $5`;

/**
 * A timer's incident ends when its row does (the task was completed, the instance deleted):
 * Camunda deletes a job's incident with the job. $1 now.
 */
export const resolveOrphanIncidents = `
  UPDATE incident i SET resolved_at = $1
  WHERE i.incident_type = 'failedJob' AND i.resolved_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM timer_job t WHERE t.id = i.configuration)`;
