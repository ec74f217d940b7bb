import { EventEmitter } from 'node:events';
import type { ElementApi } from './bpmn-types.js';
import { isExternalTask } from './behaviours/external-task.js';

export type WaitKind = 'userTask' | 'externalTask' | 'message' | 'signal' | 'other';

export interface WaitState {
  kind: WaitKind;
  api: ElementApi;
  activityId: string;
  executionId: string;
  /** For message and signal waits: the event's name and the BPMN message element id. */
  eventName?: string;
  messageId?: string;
}

export interface ActivityEvent {
  kind: 'start' | 'end' | 'discard';
  activityId: string;
  executionId: string;
  activityType: string;
  activityName: string | null;
}

/**
 * Listens to one engine while it runs one command, and remembers what the host must persist:
 * the wait states that exist now, the executions that are gone, the activity history, and
 * whether the process ended or failed.
 *
 * bpmn-engine re-emits `activity.wait` for everything already waiting when an engine resumes,
 * so `waits` after a command covers old and new wait states; `gone` lists the executions that
 * ended, were discarded or left during this command.
 */
export class ExecutionTracker {
  readonly listener = new EventEmitter();
  readonly waits = new Map<string, WaitState>();
  readonly gone = new Set<string>();
  readonly activities: ActivityEvent[] = [];
  ended = false;
  /** `cause`: what bpmn-elements reported, kept so the host can surface a domain error inside it. */
  error: { message: string; activityId?: string; cause?: unknown } | undefined;

  constructor() {
    const l = this.listener;
    l.on('activity.wait', (api: ElementApi) => this.#onWait(api));
    l.on('activity.start', (api: ElementApi) => this.#record('start', api));
    l.on('activity.end', (api: ElementApi) => this.#leave('end', api));
    l.on('activity.discard', (api: ElementApi) => this.#leave('discard', api));
    // An activity taken over by an interrupting boundary event only announces `leave`: close it
    // in history as canceled, unless this command already saw it end or be discarded.
    l.on('activity.leave', (api: ElementApi) => {
      if (!this.activities.some((a) => a.executionId === api.executionId && a.kind !== 'start')) this.#record('discard', api);
      this.#forget(api.executionId);
    });
    l.on('process.end', () => {
      this.ended = true;
    });
    l.on('process.error', (api: ElementApi & { content: { error?: { message?: string } } }) => {
      this.error ??= { message: api.content.error?.message ?? 'process error', activityId: undefined, cause: api.content.error };
    });
    // A boundary event that caught an activity's error (bpmnError of an external task) announces
    // `activity.catch` before the activity's `activity.error`; such an error is not a failure.
    const caught = new Set<string>();
    l.on('activity.catch', (api: ElementApi & { content: { source?: { executionId?: string } } }) => {
      if (api.content.source?.executionId) caught.add(api.content.source.executionId);
    });
    l.on('activity.error', (api: ElementApi & { content: { error?: { message?: string } } }) => {
      if (caught.has(api.executionId)) return;
      this.error ??= { message: api.content.error?.message ?? 'activity error', activityId: api.id, cause: api.content.error };
    });
  }

  /** For `engine.on('error')`: the fatal error of the run, kept with the activity that threw. */
  onEngineError = (err: Error & { source?: { content?: { id?: string } } }): void => {
    this.error ??= { message: err.message, activityId: err.source?.content?.id, cause: err };
  };

  #onWait(api: ElementApi): void {
    this.gone.delete(api.executionId);
    this.waits.set(api.executionId, { ...classify(api), api, activityId: api.id, executionId: api.executionId });
  }

  #leave(kind: 'end' | 'discard', api: ElementApi): void {
    this.#record(kind, api);
    this.#forget(api.executionId);
  }

  #forget(executionId: string): void {
    this.waits.delete(executionId);
    this.gone.add(executionId);
  }

  #record(kind: ActivityEvent['kind'], api: ElementApi): void {
    this.activities.push({
      kind,
      activityId: api.id,
      executionId: api.executionId,
      activityType: api.type,
      activityName: api.name ?? api.owner?.name ?? null,
    });
  }
}

function classify(api: ElementApi): Pick<WaitState, 'kind' | 'eventName' | 'messageId'> {
  const type = api.type;
  const behaviour = api.owner?.behaviour;
  if (type === 'bpmn:UserTask' || type === 'bpmn:ManualTask') return { kind: 'userTask' };
  if (isExternalTask(behaviour)) return { kind: 'externalTask' };
  const messageRef = behaviour?.messageRef;
  if (type === 'bpmn:ReceiveTask' && messageRef) return { kind: 'message', eventName: messageRef.name ?? messageRef.id, messageId: messageRef.id };
  for (const ed of behaviour?.eventDefinitions ?? []) {
    const ref = ed.behaviour?.messageRef as { id: string; name?: string } | undefined;
    const signalRef = ed.behaviour?.signalRef as { id: string; name?: string } | undefined;
    if (ed.type === 'bpmn:MessageEventDefinition' && ref) return { kind: 'message', eventName: ref.name ?? ref.id, messageId: ref.id };
    if (ed.type === 'bpmn:SignalEventDefinition' && signalRef) return { kind: 'signal', eventName: signalRef.name ?? signalRef.id, messageId: signalRef.id };
  }
  return { kind: 'other' };
}
