import type { Task, TaskService, Variables } from 'camunda-external-task-client-js';
import { IntegrationRejectedError } from '../errors.js';
import type { Integration, OutboundReceipt } from '../integrations.js';
import { DEFAULT_RETRY_POLICY, reportFailure, reportIncident, type RetryPolicy } from '../retry.js';

/**
 * Sends one task's message through an Integration and ends the task: complete with what
 * `variables` makes of the receipt, an incident for a refusal, retries for an outage.
 */
export async function sendAndComplete(
  args: { task: Task; taskService: TaskService },
  integration: Integration,
  payload: Record<string, unknown>,
  variables: (receipt: OutboundReceipt) => Variables | undefined,
  retry: RetryPolicy = DEFAULT_RETRY_POLICY,
): Promise<void> {
  const { task, taskService } = args;
  const props = task.extensionProperties ?? {};
  let receipt: OutboundReceipt;
  try {
    receipt = await integration.send({
      topic: task.topicName,
      action: props.action ?? props.template ?? task.activityId,
      orderNo: task.businessKey,
      reference: task.id,
      payload,
    });
  } catch (err) {
    if (err instanceof IntegrationRejectedError) return reportIncident(taskService, task, err);
    return reportFailure(taskService, task, err, retry);
  }
  await taskService.complete(task, variables(receipt));
}

/** The variables of `names` the task has, for a payload. */
export function pick(task: Task, names: readonly string[]): Record<string, unknown> {
  const all = task.variables.getAll();
  return Object.fromEntries(names.filter((n) => all[n] !== undefined).map((n) => [n, all[n]]));
}
