import { SignalTask, ServiceTask } from 'bpmn-elements';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * `camunda:type="external"` service, send and business-rule tasks (bpmn-elements runs all three
 * as ServiceTask) become wait states, like Camunda's external tasks: bpmn-elements would
 * otherwise call an in-process service, and call it again after every recover. Completion
 * arrives later as a signal (worker `complete`) or an `error` API message (worker `bpmnError`).
 */
export function ExternalCapableServiceTask(activityDef: any, context: any) {
  if (isExternalTask(activityDef.behaviour)) return (SignalTask as any)(activityDef, context);
  return (ServiceTask as any)(activityDef, context);
}

export function isExternalTask(behaviour: { type?: unknown } | undefined): boolean {
  return behaviour?.type === 'external';
}
