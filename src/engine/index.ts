/**
 * The durable BPMN engine: bpmn-engine instances that live for one command each, recovered
 * from PostgreSQL, run until every token waits again, and written back in one transaction.
 *
 * - `EngineHost.start(definitionId, …)` / `EngineHost.execute(instanceId, userId, ctx => …)`
 *   are the only ways an instance changes. `events` emits `committed` after each commit.
 * - `createExpressions()` is the safe evaluator every `${…}` goes through (no eval/Function/vm).
 * - Errors carry the instance (and business key) they are about.
 */
export { EngineHost } from './engine-host.js';
export type {
  CommandContext,
  CommandOutcome,
  DefinitionProvider,
  DefinitionRecord,
  EngineHostOptions,
  InstanceRecord,
  Queryable,
  StartOptions,
} from './engine-host.js';
export { EngineFactory, type ExpressionHandler } from './engine-factory.js';
export type { TimerRef, PendingTimer } from './durable-timers.js';
export type { WaitState } from './execution-tracker.js';
export type { FormField, UserTaskSpec } from './user-task.js';
export { createExpressions, parseTemplate, evaluate, ExpressionSyntaxError, ExpressionEvaluationError } from './expressions/index.js';
export * from './errors.js';
