/** Read side of open user tasks (`GET /task`): the row joined with its instance and definition. */

/** Lists leave out `form_fields` (jsonb, only the form endpoints need it): it is the costliest column to decode. */
export const taskListColumns = `t.id, t.process_instance_id, t.process_definition_id, t.execution_id, t.task_definition_key, t.name,
  t.description, t.assignee, t.owner, t.candidate_users, t.candidate_groups, t.priority, t.due, t.follow_up, t.form_key,
  t.tenant_id, t.created, t.last_updated`;

/** `i` carries business key and definition key filters, `d` the definition name filters. */
export const taskFrom = `FROM task t
  JOIN process_instance i ON i.id = t.process_instance_id
  JOIN process_definition d ON d.id = t.process_definition_id`;

export const taskById = `SELECT ${taskListColumns}, t.form_fields ${taskFrom} WHERE t.id = $1`;

/** Process variables of several instances at once, for `withTaskVariablesInReturn`. */
export const variablesOfInstances = `
  SELECT process_instance_id, name, type, value, value_info FROM variable
  WHERE process_instance_id = ANY($1) ORDER BY process_instance_id, name`;
