/**
 * Statements only timer start jobs need: the `timer_job` rows of a process definition
 * (`process_instance_id` NULL). They are written when a definition is deployed, replaced when
 * a newer version of its key (and tenant) is, and advanced or deleted by their own firing;
 * deleting a deployment deletes them with its definitions (ON DELETE CASCADE).
 */

/** $1 definition ids. What the jobs are computed from. */
export const definitionsForStartJobs = `
  SELECT id, key, version, tenant_id, source_context FROM process_definition WHERE id = ANY($1)`;

/**
 * Camunda keeps timer start jobs for the latest version of a key only. $1 key, $2 tenant,
 * $3 the definition that keeps (or gets) them.
 */
export const deleteStartJobsOfOtherVersions = `
  DELETE FROM timer_job t USING process_definition d
  WHERE t.process_instance_id IS NULL AND t.process_definition_id = d.id
    AND d.key = $1 AND d.tenant_id IS NOT DISTINCT FROM $2 AND d.id <> $3`;

/** $1 id, $2 definition, $3 activity, $4 timer type, $5 resolved value, $6 repeat, $7 due at, $8 now. */
export const insertStartJob = `
  INSERT INTO timer_job (id, process_definition_id, activity_id, timer_type, timer_value, repeat, due_at, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (process_definition_id, activity_id) WHERE process_instance_id IS NULL DO NOTHING
  RETURNING id, due_at`;

/**
 * Inside the firing transaction: the job as it is now, locked until the commit, so a second
 * node whose lease on it expired meanwhile waits here and then finds it advanced or gone.
 */
export const lockStartJob = `
  SELECT id, process_definition_id, activity_id, timer_type, timer_value, repeat, due_at
  FROM timer_job WHERE id = $1 AND process_instance_id IS NULL
  FOR UPDATE`;

/** A cycle's next occurrence: a fresh job as far as attempts and leases go. $1 id, $2 due at, $3 repeat. */
export const advanceStartJob = `
  UPDATE timer_job SET due_at = $2, repeat = $3, attempts = 0, error_message = NULL, locked_by = NULL, locked_until = NULL
  WHERE id = $1`;

export const deleteStartJob = `DELETE FROM timer_job WHERE id = $1 AND process_instance_id IS NULL`;

/**
 * The latest remaining version of each (key, tenant), after a deployment was deleted: it gets
 * its timer start jobs back (Camunda restores the previous version's). $1 keys, $2 tenants
 * (parallel arrays).
 */
export const latestVersionsOf = `
  SELECT DISTINCT ON (d.key, coalesce(d.tenant_id, '')) d.id
  FROM process_definition d
  JOIN unnest($1::text[], $2::text[]) AS k(key, tenant_id) ON d.key = k.key AND d.tenant_id IS NOT DISTINCT FROM k.tenant_id
  ORDER BY d.key, coalesce(d.tenant_id, ''), d.version DESC`;
