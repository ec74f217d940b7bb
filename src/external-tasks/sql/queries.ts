/** Read side of external tasks and incidents (GET /external-task, GET /incident). */
import { externalTaskColumns } from './fetch-and-lock.js';
import { INCIDENT_TYPE } from './commands.js';

export const externalTaskFrom = `
  FROM external_task et JOIN process_definition pd ON pd.id = et.process_definition_id`;

export const selectExternalTasks = `SELECT ${externalTaskColumns}, pd.version_tag ${externalTaskFrom}`;
export const countExternalTasks = `SELECT count(*)::int AS count ${externalTaskFrom}`;

export const externalTaskById = `${selectExternalTasks} WHERE et.id = $1`;

/**
 * Open incidents. An incident of an external task that no longer exists (its activity was left
 * through a boundary timer, the instance ended or was deleted) is over, as in Camunda, whose
 * runtime deletes such incidents with their execution. A failed timer start job has no instance
 * (Camunda lists it too, with processInstanceId null): key and tenant come from the definition.
 */
export const incidentFrom = `
  FROM incident i
  JOIN process_definition pd ON pd.id = i.process_definition_id
  WHERE i.resolved_at IS NULL
    AND (i.incident_type <> '${INCIDENT_TYPE}' OR EXISTS (SELECT 1 FROM external_task et WHERE et.id = i.configuration))`;

export const selectIncidents = `
  SELECT i.id, i.process_instance_id, i.process_definition_id, i.activity_id, i.execution_id, i.incident_type,
    i.configuration, i.message, i.created_at, pd.tenant_id, pd.key AS definition_key ${incidentFrom}`;
export const countIncidents = `SELECT count(*)::int AS count ${incidentFrom}`;
