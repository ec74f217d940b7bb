/**
 * Runtime commands on work orders: start instances (by definition id or key), and the user
 * task commands handlers use (claim, unclaim, assign, complete with form validation).
 */
export { ProcessStarter, type DefinitionReference, type StartRequest, type StartedInstance } from './process-starter.js';
export { TaskService, type CompleteOptions } from './task-service.js';
export { validateFormVariables } from './form-validation.js';
export { TaskQueries, variableSortColumn, type TaskInfo, type TaskFilter, type TaskSort, type TaskPage } from './task-queries.js';
export { whereVariables, type VariableCondition, type VariableOperator } from './variable-filter.js';
export { readVariableRows, type StoredVariableRow } from './stored-variables.js';
export { InstanceQueries, INSTANCE_SORT_COLUMNS, type InstanceInfo, type InstanceFilter, type InstanceState, type InstanceSort, type InstancePage } from './instance-queries.js';
export { HistoryQueries, ACTIVITY_SORT_COLUMNS, camundaActivityType, bpmnActivityType, type ActivityInstanceInfo, type ActivityInstanceFilter, type HistorySort, type HistoryPage } from './history-queries.js';
export { InstanceCommands, deleteVariables, DEFAULT_DELETE_REASON, type DeleteInstanceOptions } from './instance-commands.js';
export { MessageCorrelation, NO_MATCH, type CorrelationRequest, type CorrelationResult } from './message-correlation.js';
export { SignalBroadcast, type SignalRequest } from './signal-broadcast.js';
export { whereVariableEquals } from './variable-filter.js';
export * from './errors.js';
