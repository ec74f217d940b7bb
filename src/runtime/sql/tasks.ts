/** Statements on open user tasks. */

export const taskColumns = `t.id, t.process_instance_id, t.process_definition_id, t.execution_id, t.task_definition_key, t.name,
  t.description, t.assignee, t.owner, t.candidate_users, t.candidate_groups, t.priority, t.due, t.follow_up, t.form_key,
  t.form_fields, t.tenant_id, t.created, t.last_updated`;

export const taskById = `SELECT ${taskColumns} FROM task t WHERE t.id = $1`;

/** Claim succeeds when nobody holds the task or the same user does; row locks order racing claims. */
export const claimTask = `
  UPDATE task SET assignee = $2, last_updated = $3
  WHERE id = $1 AND (assignee IS NULL OR assignee = $2)
  RETURNING id, process_instance_id, execution_id, task_definition_key`;

export const setAssignee = `
  UPDATE task SET assignee = $2, last_updated = $3 WHERE id = $1
  RETURNING id, process_instance_id, execution_id, task_definition_key`;

export const assigneeOfActivity = `UPDATE activity_instance SET assignee = $3 WHERE id = $1 || ':' || $2`;

export const insertTaskEvent = `
  INSERT INTO history_event (process_instance_id, event_type, activity_id, execution_id, user_id, payload, time)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;
