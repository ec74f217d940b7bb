/**
 * Statements on the rows that mirror an instance's wait states: user tasks, external tasks,
 * message/signal subscriptions and timer jobs. All are keyed by (instance, execution id):
 * bpmn-engine's execution ids are only unique within an instance.
 */

export const existingWaitExecutions = `
  SELECT 'userTask' AS kind, execution_id FROM task WHERE process_instance_id = $1
  UNION ALL SELECT 'externalTask', execution_id FROM external_task WHERE process_instance_id = $1
  UNION ALL SELECT 'subscription', execution_id FROM event_subscription WHERE process_instance_id = $1`;

export const insertTask = `
  INSERT INTO task (id, process_instance_id, process_definition_id, execution_id, task_definition_key, name, description,
    assignee, candidate_users, candidate_groups, priority, due, follow_up, form_key, form_fields, tenant_id, created)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
  ON CONFLICT (process_instance_id, execution_id) DO NOTHING`;

export const insertExternalTask = `
  INSERT INTO external_task (id, process_instance_id, process_definition_id, process_definition_key, business_key, tenant_id,
    execution_id, activity_id, topic_name, priority, extension_properties, created_at, local_variables)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  ON CONFLICT (process_instance_id, execution_id) DO NOTHING`;

export const insertSubscription = `
  INSERT INTO event_subscription (id, process_instance_id, execution_id, activity_id, event_type, event_name, message_id, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (process_instance_id, execution_id) DO NOTHING`;

export const deleteGoneTasks = `DELETE FROM task WHERE process_instance_id = $1 AND execution_id = ANY($2) RETURNING id`;
export const deleteGoneExternalTasks = `DELETE FROM external_task WHERE process_instance_id = $1 AND execution_id = ANY($2)`;
/**
 * A failed external task's incident ends with the task: when its execution is gone (a boundary
 * timer left the activity, the instance ended) nobody can set its retries any more. Camunda
 * deletes such incidents; here they are marked resolved, so the record stays.
 */
export const resolveIncidentsOfGoneExternalTasks = `
  UPDATE incident SET resolved_at = $2
  WHERE process_instance_id = $1 AND resolved_at IS NULL AND incident_type = 'failedExternalTask'
    AND NOT EXISTS (SELECT 1 FROM external_task et WHERE et.id = incident.configuration)`;

export const deleteGoneSubscriptions = `DELETE FROM event_subscription WHERE process_instance_id = $1 AND execution_id = ANY($2)`;

export const deleteAllWaits = [
  `DELETE FROM task WHERE process_instance_id = $1`,
  `DELETE FROM external_task WHERE process_instance_id = $1`,
  `DELETE FROM event_subscription WHERE process_instance_id = $1`,
  `DELETE FROM timer_job WHERE process_instance_id = $1`,
];

/** Timer jobs are reconciled as a whole: whatever the engine holds armed is what must fire. */
export const deleteTimersExcept = `DELETE FROM timer_job WHERE process_instance_id = $1 AND NOT (execution_id = ANY($2))`;

export const upsertTimer = `
  INSERT INTO timer_job (id, process_instance_id, activity_id, execution_id, timer_type, timer_value, repeat, due_at, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (process_instance_id, execution_id)
  DO UPDATE SET due_at = EXCLUDED.due_at, repeat = EXCLUDED.repeat
  RETURNING id, due_at`;
