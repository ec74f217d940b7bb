import type { Task, TaskService } from 'camunda-external-task-client-js';

export interface RetryPolicy {
  /** Deliveries after the first failure; the last failure raises an incident. */
  retries: number;
  /** Wait before the first retry (ms); doubled for each further one. */
  firstTimeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 3, firstTimeoutMs: 30_000 };

/**
 * Reports a technical failure the Camunda way: the engine keeps the retry count. The first
 * failure of a task (`retries` still null) sets it to `policy.retries`; every later one counts
 * down; at 0 the service raises an incident that an operator resolves by setting retries.
 */
export async function reportFailure(taskService: TaskService, task: Task, err: unknown, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<void> {
  const left = task.retries === null ? policy.retries : Math.max(0, task.retries - 1);
  const attempt = policy.retries - left;
  await taskService.handleFailure(task, {
    errorMessage: errorMessage(err),
    errorDetails: err instanceof Error ? (err.stack ?? err.message) : String(err),
    retries: left,
    // `attempt` = failures before this one: waits of first, 2×first, 4×first, …
    retryTimeout: left === 0 ? 0 : policy.firstTimeoutMs * 2 ** attempt,
  });
}

/** A failure no retry can fix (bad diagram, refused data): straight to an incident. */
export async function reportIncident(taskService: TaskService, task: Task, err: unknown): Promise<void> {
  await taskService.handleFailure(task, { errorMessage: errorMessage(err), errorDetails: err instanceof Error ? (err.stack ?? err.message) : String(err), retries: 0, retryTimeout: 0 });
}

/** Camunda stores up to 666 characters of an error message; keep the start. */
function errorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 600 ? `${text.slice(0, 597)}...` : text;
}
