import type { ExternalTaskInfo, StoredVariableRow } from './types.js';

/** An `external_task` row (plus `version_tag`) as pg returns it. */
export interface ExternalTaskRow {
  id: string;
  process_instance_id: string;
  process_definition_id: string;
  process_definition_key: string;
  business_key: string | null;
  tenant_id: string | null;
  execution_id: string;
  activity_id: string;
  topic_name: string;
  worker_id: string | null;
  lock_expiration_time: Date | string | null;
  retries: number | null;
  error_message: string | null;
  error_details: string | null;
  priority: string | number;
  extension_properties: Record<string, string> | null;
  local_variables: Array<{ name: string; type: string; value: unknown; value_info?: Record<string, unknown> }> | null;
  created_at: Date | string;
  version_tag?: string | null;
}

const toDate = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

export function toExternalTaskInfo(r: ExternalTaskRow, options: { withErrorDetails?: boolean } = {}): ExternalTaskInfo {
  return {
    id: r.id,
    topicName: r.topic_name,
    workerId: r.worker_id,
    lockExpirationTime: r.lock_expiration_time === null ? null : toDate(r.lock_expiration_time),
    createTime: toDate(r.created_at),
    retries: r.retries,
    errorMessage: r.error_message,
    errorDetails: options.withErrorDetails ? r.error_details : null,
    activityId: r.activity_id,
    executionId: r.execution_id,
    processInstanceId: r.process_instance_id,
    processDefinitionId: r.process_definition_id,
    processDefinitionKey: r.process_definition_key,
    processDefinitionVersionTag: r.version_tag ?? null,
    businessKey: r.business_key,
    tenantId: r.tenant_id,
    priority: Number(r.priority),
    extensionProperties: r.extension_properties ?? {},
  };
}

/** The task's input-mapped variables (`camunda:inputParameter`), written when the wait appeared. */
export function localVariablesOf(r: ExternalTaskRow): StoredVariableRow[] {
  return (r.local_variables ?? []).map((v) => ({ name: v.name, type: v.type, value: v.value, valueInfo: v.value_info ?? {} }));
}

/** TypeORM answers UPDATE … RETURNING with `[rows, count]` on pg, SELECT with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
