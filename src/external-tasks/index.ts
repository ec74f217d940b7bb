/**
 * External tasks with Camunda 7 semantics: service/send/business-rule tasks marked
 * `camunda:type="external"` wait in `external_task` rows (written by the engine) until a worker
 * fetches, locks and completes them (docs: external-tasks.md, camunda7-rest.md §2).
 *
 * - `ExternalTaskService.fetchAndLock(request)`: `FOR UPDATE SKIP LOCKED`, a lease on the
 *   service clock, long polling woken by engine commits. Never takes an instance lock.
 * - `.commands`: complete / bpmnError (engine commands, lock re-checked inside the
 *   transaction), failure with retries, retryTimeout and incidents at 0, extendLock, lock,
 *   unlock, setRetries (resolves the incident).
 * - `.queries` / `.incidents`: the read side for operators.
 */
export { ExternalTaskService, MAX_ASYNC_RESPONSE_TIMEOUT, type ExternalTaskServiceOptions, type FetchOptions } from './external-task-service.js';
export { WorkerCommands } from './worker-commands.js';
export { ExternalTaskQueries, EXTERNAL_TASK_SORT_COLUMNS, type ExternalTaskFilter, type ExternalTaskSortBy, type ListOptions } from './queries.js';
export { IncidentQueries, INCIDENT_SORT_COLUMNS, type IncidentFilter, type IncidentInfo, type IncidentSortBy } from './incidents.js';
export { findErrorCatcher, type ErrorCatcher } from './error-catchers.js';
export type {
  TopicRequest,
  FetchAndLockRequest,
  StoredVariableRow,
  ExternalTaskInfo,
  LockedExternalTask,
  CompleteCommand,
  FailureCommand,
  BpmnErrorCommand,
  BpmnErrorOutcome,
} from './types.js';
export * from './errors.js';
