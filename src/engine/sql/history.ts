/** History: activity instances (Camunda's `/history/activity-instance`) and the event log. */

export const startActivities = `
  INSERT INTO activity_instance (id, process_instance_id, process_definition_id, activity_id, activity_name, activity_type,
    execution_id, start_time, tenant_id)
  SELECT $1 || ':' || a.execution_id, $1, $2, a.activity_id, a.activity_name, a.activity_type, a.execution_id, $3, $4
  FROM jsonb_to_recordset($5::jsonb) AS a(activity_id text, activity_name text, activity_type text, execution_id text)
  ON CONFLICT (id) DO NOTHING`;

export const endActivities = `
  UPDATE activity_instance AS ai SET end_time = $2, canceled = e.canceled
  FROM jsonb_to_recordset($3::jsonb) AS e(execution_id text, canceled boolean)
  WHERE ai.id = $1 || ':' || e.execution_id AND ai.end_time IS NULL`;

/** When an instance ends or is deleted, whatever was still open ends with it. */
export const closeOpenActivities = `
  UPDATE activity_instance SET end_time = $2, canceled = true WHERE process_instance_id = $1 AND end_time IS NULL`;

export const linkTaskToActivity = `
  UPDATE activity_instance SET task_id = $3, assignee = $4 WHERE id = $1 || ':' || $2`;

export const insertHistoryEvent = `
  INSERT INTO history_event (process_instance_id, event_type, activity_id, execution_id, user_id, payload, time)
  VALUES ($1, $2, $3, $4, $5, $6, $7)`;
