/** Read side of `activity_instance` (Camunda's `/history/activity-instance`). */

export const activityColumns = `a.id, a.process_instance_id, a.process_definition_id, a.activity_id, a.activity_name, a.activity_type,
  a.execution_id, a.task_id, a.assignee, a.start_time, a.end_time, a.canceled, a.tenant_id,
  i.definition_key AS process_definition_key, i.super_process_instance_id`;

export const activityFrom = `FROM activity_instance a JOIN process_instance i ON i.id = a.process_instance_id`;

export const activityById = `SELECT ${activityColumns} ${activityFrom} WHERE a.id = $1`;

export const activityDuration = `(extract(epoch FROM (a.end_time - a.start_time)) * 1000)`;

/** An end event that ended normally completes its scope (Camunda's `completeScope`). */
export const completesScope = `(a.activity_type LIKE '%EndEvent' AND a.end_time IS NOT NULL AND NOT a.canceled)`;
