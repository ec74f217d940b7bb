/**
 * Request and response shapes of /external-task (camunda7-rest.md §2.3–2.5) and the mapping from
 * the external-task module's types to Camunda's DTOs.
 */
import { Type } from '@sinclair/typebox';
import type { ExternalTaskInfo, LockedExternalTask, StoredVariableRow } from '../../external-tasks/index.js';
import {
  NullableVariableMapSchema,
  SortOrderSchema,
  VariableMapResponseSchema,
  encodeTypedValue,
  formatCamundaDate,
  fromStored,
  type VariableMapResponse,
} from '../camunda/index.js';

const nullable = <T extends Parameters<typeof Type.Optional>[0]>(s: T) => Type.Optional(Type.Union([s, Type.Null()]));
const WorkerId = Type.String({ minLength: 1, maxLength: 255, description: 'the worker that holds (or asks for) the lock' });

export const IdParams = Type.Object({ id: Type.String({ minLength: 1 }) });

/**
 * fetchAndLock's body. `null` stands for "absent" in Camunda's DTOs; the route drops null
 * properties before validation (`withoutNulls`), so these schemas stay plain and a bad value
 * deep inside `topics` is reported by its own path instead of as a failed `X | null` union.
 */
export const FetchTopicSchema = Type.Object({
  topicName: Type.String({ minLength: 1 }),
  lockDuration: Type.Integer({ minimum: 1, description: 'ms; the lock lease runs on the service clock' }),
  variables: Type.Optional(Type.Array(Type.String(), { description: 'absent = all, [] = none' })),
  localVariables: Type.Optional(Type.Boolean()),
  businessKey: Type.Optional(Type.String()),
  processDefinitionId: Type.Optional(Type.String()),
  processDefinitionIdIn: Type.Optional(Type.Array(Type.String())),
  processDefinitionKey: Type.Optional(Type.String()),
  processDefinitionKeyIn: Type.Optional(Type.Array(Type.String())),
  processDefinitionVersionTag: Type.Optional(Type.String()),
  processVariables: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  tenantIdIn: Type.Optional(Type.Array(Type.String())),
  withoutTenantId: Type.Optional(Type.Boolean()),
  includeExtensionProperties: Type.Optional(Type.Boolean()),
  deserializeValues: Type.Optional(Type.Boolean()),
});

export const FetchAndLockBodySchema = Type.Object({
  workerId: WorkerId,
  maxTasks: Type.Integer({ minimum: 0 }),
  usePriority: Type.Optional(Type.Boolean()),
  asyncResponseTimeout: Type.Optional(Type.Integer({ minimum: 0, description: 'ms to hold the request when nothing is fetchable; at most 1800000' })),
  sorting: Type.Optional(Type.Array(Type.Object({ sortBy: Type.Literal('createTime'), sortOrder: SortOrderSchema }))),
  topics: Type.Optional(Type.Array(FetchTopicSchema)),
});

/** A copy of a fetchAndLock body without null properties, at the top and in each topic. */
export function withoutNulls(body: unknown): unknown {
  const strip = (o: unknown) =>
    typeof o === 'object' && o !== null && !Array.isArray(o) ? Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) : o;
  const top = strip(body) as Record<string, unknown>;
  if (Array.isArray(top?.topics)) top.topics = top.topics.map(strip);
  return top;
}

export const CompleteBodySchema = Type.Object({
  workerId: WorkerId,
  variables: Type.Optional(NullableVariableMapSchema),
  localVariables: Type.Optional(NullableVariableMapSchema),
});

export const FailureBodySchema = Type.Object({
  workerId: WorkerId,
  errorMessage: nullable(Type.String()),
  errorDetails: nullable(Type.String()),
  retries: nullable(Type.Integer({ minimum: 0, description: 'omitted = 0: an incident is raised at once (Camunda)' })),
  retryTimeout: nullable(Type.Integer({ minimum: 0, description: 'ms until the task is fetchable again' })),
  variables: Type.Optional(NullableVariableMapSchema),
  localVariables: Type.Optional(NullableVariableMapSchema),
});

export const BpmnErrorBodySchema = Type.Object({
  workerId: WorkerId,
  errorCode: Type.String({ minLength: 1 }),
  errorMessage: nullable(Type.String()),
  variables: Type.Optional(NullableVariableMapSchema),
});

export const ExtendLockBodySchema = Type.Object({ workerId: WorkerId, newDuration: Type.Integer({ minimum: 1 }) });
export const LockBodySchema = Type.Object({ workerId: WorkerId, lockDuration: Type.Integer({ minimum: 1 }) });
export const RetriesBodySchema = Type.Object({ retries: Type.Integer({ minimum: 0 }) });

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const ExternalTaskSchema = Type.Object({
  activityId: Type.String(),
  activityInstanceId: Type.String(),
  errorMessage: NullableString,
  executionId: Type.String(),
  id: Type.String(),
  lockExpirationTime: NullableString,
  createTime: Type.String(),
  processDefinitionId: Type.String(),
  processDefinitionKey: Type.String(),
  processDefinitionVersionTag: NullableString,
  processInstanceId: Type.String(),
  tenantId: NullableString,
  retries: Type.Union([Type.Integer(), Type.Null()]),
  suspended: Type.Boolean(),
  workerId: NullableString,
  topicName: Type.String(),
  priority: Type.Integer(),
  businessKey: NullableString,
});

export const LockedExternalTaskSchema = Type.Object({
  ...ExternalTaskSchema.properties,
  errorDetails: NullableString,
  variables: VariableMapResponseSchema,
  extensionProperties: Type.Record(Type.String(), Type.String()),
});

export function externalTaskDto(t: ExternalTaskInfo) {
  return {
    activityId: t.activityId,
    // bpmn-engine's execution ids name one activity instance already.
    activityInstanceId: t.executionId,
    errorMessage: t.errorMessage,
    executionId: t.executionId,
    id: t.id,
    lockExpirationTime: t.lockExpirationTime === null ? null : formatCamundaDate(t.lockExpirationTime),
    createTime: formatCamundaDate(t.createTime),
    processDefinitionId: t.processDefinitionId,
    processDefinitionKey: t.processDefinitionKey,
    processDefinitionVersionTag: t.processDefinitionVersionTag,
    processInstanceId: t.processInstanceId,
    tenantId: t.tenantId,
    retries: t.retries,
    suspended: false,
    workerId: t.workerId,
    topicName: t.topicName,
    priority: t.priority,
    businessKey: t.businessKey,
  };
}

/** The worker client needs `variables` as an object (never null) whose entries all carry a type. */
export function lockedExternalTaskDto(t: LockedExternalTask) {
  return {
    ...externalTaskDto(t),
    errorDetails: t.errorDetails,
    variables: encodeStored(t.variables),
    extensionProperties: t.requestedExtensionProperties ?? {},
  };
}

function encodeStored(rows: StoredVariableRow[]): VariableMapResponse {
  const out: VariableMapResponse = {};
  for (const r of rows) out[r.name] = encodeTypedValue(fromStored({ name: r.name, type: r.type, value: r.value, valueInfo: r.valueInfo }));
  return out;
}
