/** Statements of the projection, run inside the engine command's transaction. */

export const projectionOfInstance = `
  SELECT id, status, current_unit, due_at, extension_count, return_count, returned_at, reminder_count, reminded_at,
    supervision_count, supervised_at, redo_count, redone_at, completed_at, callback_at, satisfaction,
    handling_unit, co_units, dispatched_at, urgency
  FROM work_order WHERE process_instance_id = $1`;

/**
 * Everything the rules need in one round trip: the instance, its open user tasks, per activity
 * id how often it was entered / when last entered and completed / whether it waits now, and
 * the variables of PROJECTED_VARIABLES ($2).
 */
export const projectionFacts = `
  SELECT pi.definition_key, pi.state, pi.end_time, pi.revision,
    coalesce((
      SELECT json_agg(json_build_object('activityId', t.task_definition_key, 'candidateGroups', t.candidate_groups, 'due', t.due) ORDER BY t.created, t.id)
      FROM task t WHERE t.process_instance_id = pi.id), '[]') AS tasks,
    coalesce((
      SELECT json_agg(json_build_object('activityId', a.activity_id, 'count', a.n, 'lastStart', a.last_start, 'lastEnd', a.last_end, 'open', a.open))
      FROM (
        SELECT activity_id, count(*) AS n, max(start_time) AS last_start,
          max(end_time) FILTER (WHERE NOT canceled) AS last_end, bool_or(end_time IS NULL) AS open
        FROM activity_instance WHERE process_instance_id = pi.id GROUP BY activity_id
      ) a), '[]') AS activities,
    coalesce((
      SELECT json_object_agg(v.name, v.value) FROM variable v WHERE v.process_instance_id = pi.id AND v.name = ANY($2)
    ), '{}') AS variables
  FROM process_instance pi WHERE pi.id = $1`;

export const updateProjection = `
  UPDATE work_order SET status = $2, current_unit = $3, due_at = $4, extension_count = $5, return_count = $6, returned_at = $7,
    reminder_count = $8, reminded_at = $9, supervision_count = $10, supervised_at = $11, redo_count = $12, redone_at = $13,
    completed_at = $14, callback_at = $15, satisfaction = $16, process_revision = $17, updated_at = $18,
    handling_unit = $19, co_units = $20, dispatched_at = $21, urgency = $22
  WHERE id = $1`;
