/** Shapes the external-task service takes and gives; the REST layer maps them to Camunda DTOs. */

/** One topic of a fetchAndLock request (camunda7-rest.md §2.3). */
export interface TopicRequest {
  topicName: string;
  /** Milliseconds, > 0. */
  lockDuration: number;
  /** Names to return; undefined = all, [] = none. */
  variables?: string[];
  /** Only the task's own (input-mapped) variables. */
  localVariables?: boolean;
  businessKey?: string;
  processDefinitionId?: string;
  processDefinitionIdIn?: string[];
  processDefinitionKey?: string;
  processDefinitionKeyIn?: string[];
  /** SQL LIKE pattern, as in Camunda. */
  processDefinitionVersionTag?: string;
  /** Plain JSON values; a task qualifies when any one of them equals its instance's variable. */
  processVariables?: Record<string, unknown>;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  includeExtensionProperties?: boolean;
}

export interface FetchAndLockRequest {
  workerId: string;
  maxTasks: number;
  usePriority?: boolean;
  /** Only `createTime` exists in Camunda; the first entry decides. */
  sorting?: Array<{ sortBy: 'createTime'; sortOrder: 'asc' | 'desc' }>;
  /** Long polling: hold the request up to this many ms until tasks appear. */
  asyncResponseTimeout?: number;
  topics: TopicRequest[];
}

/** A variable as stored (the `variable` table's shape): Camunda type name, JSON value. */
export interface StoredVariableRow {
  name: string;
  type: string;
  value: unknown;
  valueInfo: Record<string, unknown>;
}

/** An external task as lists and `GET /external-task/{id}` show it. */
export interface ExternalTaskInfo {
  id: string;
  topicName: string;
  workerId: string | null;
  lockExpirationTime: Date | null;
  createTime: Date;
  retries: number | null;
  errorMessage: string | null;
  /** Only filled where asked for (`/errorDetails`, fetchAndLock). */
  errorDetails: string | null;
  activityId: string;
  executionId: string;
  processInstanceId: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  processDefinitionVersionTag: string | null;
  businessKey: string | null;
  tenantId: string | null;
  priority: number;
  extensionProperties: Record<string, string>;
}

/** A task locked for a worker by fetchAndLock, with the variables it asked for. */
export interface LockedExternalTask extends ExternalTaskInfo {
  workerId: string;
  lockExpirationTime: Date;
  /** Process-scope variables, shadowed by the task's local (input-mapped) ones of the same name. */
  variables: StoredVariableRow[];
  /** Null when the topic did not ask for `includeExtensionProperties`. */
  requestedExtensionProperties: Record<string, string> | null;
}

export interface CompleteCommand {
  workerId: string;
  /** Set on the process scope before the task leaves. */
  variables?: Record<string, unknown>;
  /** Visible to the task's `camunda:outputParameter` mappings only, as Camunda's local variables are. */
  localVariables?: Record<string, unknown>;
}

export interface FailureCommand {
  workerId: string;
  errorMessage?: string | null;
  errorDetails?: string | null;
  /** Camunda's DTO field is primitive: omitted means 0, which raises an incident at once. */
  retries: number;
  /** Milliseconds until the task may be fetched again. */
  retryTimeout: number;
  variables?: Record<string, unknown>;
  localVariables?: Record<string, unknown>;
}

export interface BpmnErrorCommand {
  workerId: string;
  errorCode: string;
  errorMessage?: string | null;
  variables?: Record<string, unknown>;
}

/** What a bpmnError did to the process. */
export interface BpmnErrorOutcome {
  /** The boundary event or error start event that caught it, or null when nothing did. */
  caughtBy: string | null;
}
