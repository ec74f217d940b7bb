/** Camunda DTO shapes of the runtime and history read side (spec 4.1, 4.4, 4.5). */
import type { ActivityInstanceInfo, InstanceInfo, TaskInfo, StoredVariableRow } from '../../runtime/index.js';
import { encodeVariables, formatCamundaDate, fromStored, type VariableMap, type VariableMapResponse } from '../camunda/index.js';

const date = (d: Date | null): string | null => (d === null ? null : formatCamundaDate(d));

/** Camunda `TaskDto`. `taskState` is `Updated` once the task was claimed or reassigned, as in 7.21+. */
export function taskDto(t: TaskInfo) {
  return {
    id: t.id,
    name: t.name,
    assignee: t.assignee,
    owner: t.owner,
    created: formatCamundaDate(t.created),
    lastUpdated: date(t.lastUpdated),
    due: date(t.due),
    followUp: date(t.followUp),
    delegationState: null,
    description: t.description,
    executionId: t.executionId,
    parentTaskId: null,
    priority: t.priority,
    processDefinitionId: t.processDefinitionId,
    processInstanceId: t.processInstanceId,
    taskDefinitionKey: t.taskDefinitionKey,
    caseExecutionId: null,
    caseInstanceId: null,
    caseDefinitionId: null,
    suspended: false,
    formKey: t.formKey,
    camundaFormRef: null,
    tenantId: t.tenantId,
    taskState: t.lastUpdated === null ? 'Created' : 'Updated',
  };
}

/** Stored variable rows → typed map. */
export function variableMap(rows: readonly StoredVariableRow[]): VariableMap {
  const map: VariableMap = {};
  for (const row of rows) map[row.name] = fromStored(row);
  return map;
}

/** Stored variable rows → wire map (`{name: {type, value, valueInfo}}`), optionally only `names`. */
export function variablesDto(rows: readonly StoredVariableRow[], names?: readonly string[]): VariableMapResponse {
  const wanted = names === undefined ? rows : rows.filter((r) => names.includes(r.name));
  return encodeVariables(variableMap(wanted));
}

/** Camunda `HistoricProcessInstanceDto` (spec 4.5). */
export function historicInstanceDto(i: InstanceInfo) {
  return {
    id: i.id,
    businessKey: i.businessKey,
    processDefinitionId: i.definitionId,
    processDefinitionKey: i.definitionKey,
    processDefinitionName: i.definitionName,
    processDefinitionVersion: i.definitionVersion,
    startTime: formatCamundaDate(i.startTime),
    endTime: date(i.endTime),
    removalTime: null,
    durationInMillis: i.endTime === null ? null : i.endTime.getTime() - i.startTime.getTime(),
    startUserId: i.startUserId,
    startActivityId: i.startActivityId,
    deleteReason: i.deleteReason,
    // Call activities are not run yet, so an instance with a super instance is one level deep.
    rootProcessInstanceId: i.superProcessInstanceId ?? i.id,
    superProcessInstanceId: i.superProcessInstanceId,
    superCaseInstanceId: null,
    caseInstanceId: null,
    tenantId: i.tenantId,
    state: i.state,
    restartedProcessInstanceId: null,
  };
}

/** Camunda `HistoricActivityInstanceDto`; top-level activities have the instance as parent. */
export function historicActivityDto(a: ActivityInstanceInfo) {
  return {
    id: a.id,
    parentActivityInstanceId: a.processInstanceId,
    activityId: a.activityId,
    activityName: a.activityName,
    activityType: a.activityType,
    processDefinitionKey: a.processDefinitionKey,
    processDefinitionId: a.processDefinitionId,
    processInstanceId: a.processInstanceId,
    executionId: a.executionId,
    taskId: a.taskId,
    calledProcessInstanceId: null,
    calledCaseInstanceId: null,
    assignee: a.assignee,
    startTime: formatCamundaDate(a.startTime),
    endTime: date(a.endTime),
    durationInMillis: a.endTime === null ? null : a.endTime.getTime() - a.startTime.getTime(),
    canceled: a.canceled,
    completeScope: a.completeScope,
    tenantId: a.tenantId,
    removalTime: null,
    rootProcessInstanceId: a.rootProcessInstanceId,
  };
}
