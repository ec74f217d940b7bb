/** Read side of process instances: the runtime list (ACTIVE only) and history (every state). */

export const instanceColumns = `i.id, i.definition_id, i.definition_key, i.business_key, i.tenant_id, i.state, i.start_time,
  i.end_time, i.start_user_id, i.start_activity_id, i.delete_reason, i.super_process_instance_id,
  d.name AS definition_name, d.version AS definition_version`;

export const instanceFrom = `FROM process_instance i JOIN process_definition d ON d.id = i.definition_id`;

export const instanceById = `SELECT ${instanceColumns} ${instanceFrom} WHERE i.id = $1`;

export const variablesOfInstance = `
  SELECT name, type, value, value_info FROM variable WHERE process_instance_id = $1 ORDER BY name`;

/** Milliseconds between start and end, for the `duration` sort and `durationInMillis`. */
export const durationMillis = `(extract(epoch FROM (i.end_time - i.start_time)) * 1000)`;

/** An open incident on the instance (`withIncident`, `incidentType`, …); `extra` narrows it further. */
export const openIncident = (extra = ''): string =>
  `EXISTS (SELECT 1 FROM incident x WHERE x.process_instance_id = i.id AND x.resolved_at IS NULL${extra})`;

/** An activity of the instance is running now (`activityIdIn`, `activeActivityIdIn`). */
export const hasActiveActivity = `EXISTS (SELECT 1 FROM activity_instance a WHERE a.process_instance_id = i.id AND a.end_time IS NULL AND a.activity_id = ANY({}))`;

/** An activity of the instance ran at some point (`executedActivityIdIn`). */
export const hasExecutedActivity = `EXISTS (SELECT 1 FROM activity_instance a WHERE a.process_instance_id = i.id AND a.activity_id = ANY({}))`;

export const hasSubInstance = `EXISTS (SELECT 1 FROM process_instance c WHERE c.super_process_instance_id = i.id AND c.id = {})`;
export const isLeaf = `NOT EXISTS (SELECT 1 FROM process_instance c WHERE c.super_process_instance_id = i.id)`;
