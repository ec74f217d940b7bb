import { randomUUID } from 'node:crypto';
import type { InternalContext, CommandOutcome } from './engine-host.js';
import type { WaitState } from './execution-tracker.js';
import { describeUserTask } from './user-task.js';
import { toVariableRows } from './variable-rows.js';
import * as waits from './sql/wait-states.js';
import * as vars from './sql/variables.js';
import * as history from './sql/history.js';
import { saveInstance } from './sql/instances.js';

export interface HistoryEventInput {
  type: string;
  activityId?: string | null;
  executionId?: string | null;
  payload?: Record<string, unknown>;
}

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Writes what one command did, inside its transaction: wait-state rows (inserted for new
 * waits, deleted for executions that are gone), timer jobs (reconciled against the timers the
 * engine holds armed), the variable projection, history, and the instance row itself.
 */
export async function persistCommand(ctx: InternalContext, engineState: any, terminated?: string): Promise<CommandOutcome> {
  const { tx, instance, tracker, now } = ctx;
  const ended = Boolean(terminated) || tracker.ended;
  const externalTopics: string[] = [];
  let timers: CommandOutcome['timers'] = [];

  await writeActivityHistory(ctx);
  if (ended) {
    for (const sql of waits.deleteAllWaits) await tx.query(sql, [instance.id]);
    await tx.query(waits.resolveIncidentsOfGoneExternalTasks, [instance.id, now]);
    if (terminated) await tx.query(history.closeOpenActivities, [instance.id, now]);
  } else {
    const existing = new Set<string>(((await tx.query(waits.existingWaitExecutions, [instance.id])) as Array<{ execution_id: string }>).map((r) => r.execution_id));
    for (const wait of tracker.waits.values()) {
      if (existing.has(wait.executionId)) continue;
      const topic = await insertWait(ctx, wait);
      if (topic) externalTopics.push(topic);
    }
    const gone = [...tracker.gone].filter((id) => !tracker.waits.has(id));
    if (gone.length) {
      await tx.query(waits.deleteGoneTasks, [instance.id, gone]);
      await tx.query(waits.deleteGoneExternalTasks, [instance.id, gone]);
      await tx.query(waits.resolveIncidentsOfGoneExternalTasks, [instance.id, now]);
      await tx.query(waits.deleteGoneSubscriptions, [instance.id, gone]);
    }
    timers = await reconcileTimers(ctx);
  }

  const variableRows = toVariableRows(ctx.variables());
  await tx.query(vars.upsertVariables, [instance.id, JSON.stringify(variableRows)]);
  await tx.query(vars.deleteVariablesExcept, [instance.id, variableRows.map((r) => r.name)]);

  await writeEvents(ctx);
  const state = terminated ? 'EXTERNALLY_TERMINATED' : ended ? 'COMPLETED' : 'ACTIVE';
  const startActivity = tracker.activities.find((a) => a.kind === 'start' && /StartEvent$/.test(a.activityType));
  const [row] = (await tx.query(saveInstance, [
    instance.id,
    ended ? null : stripSources(engineState),
    state,
    ended ? now : null,
    terminated ?? null,
    startActivity?.activityId ?? null,
  ])) as [Array<{ revision: number }>, number] | Array<{ revision: number }>;
  const revision = Array.isArray(row) ? row[0]?.revision : (row as { revision: number } | undefined)?.revision;

  return {
    instanceId: instance.id,
    businessKey: instance.businessKey,
    state,
    revision: revision ?? 0,
    timers,
    externalTopics,
  };
}

async function insertWait(ctx: InternalContext, wait: WaitState): Promise<string | undefined> {
  const { tx, instance, definition, now } = ctx;
  switch (wait.kind) {
    case 'userTask': {
      const spec = describeUserTask(wait.api, { now: () => now });
      const id = randomUUID();
      await tx.query(waits.insertTask, [
        id, instance.id, definition.id, wait.executionId, wait.activityId, spec.name, spec.description, spec.assignee,
        spec.candidateUsers, spec.candidateGroups, spec.priority, spec.due, spec.followUp, spec.formKey,
        JSON.stringify(spec.formFields), instance.tenantId, now,
      ]);
      await tx.query(history.linkTaskToActivity, [instance.id, wait.executionId, id, spec.assignee]);
      ctx.record({ type: 'task.created', activityId: wait.activityId, executionId: wait.executionId, payload: { taskId: id, assignee: spec.assignee, candidateGroups: spec.candidateGroups, due: spec.due } });
      return undefined;
    }
    case 'externalTask': {
      const b = wait.api.owner.behaviour;
      const topic = String(b.topic ?? '');
      const priorityRaw = b.taskPriority;
      const priority = priorityRaw === undefined ? 0 : Number(typeof priorityRaw === 'string' && /[$#]\{/.test(priorityRaw) ? wait.api.resolveExpression(priorityRaw) : priorityRaw);
      await tx.query(waits.insertExternalTask, [
        randomUUID(), instance.id, definition.id, definition.key, instance.businessKey, instance.tenantId,
        wait.executionId, wait.activityId, topic, Number.isFinite(priority) ? Math.trunc(priority) : 0,
        JSON.stringify(extensionProperties(b)), now,
        // The task's camunda:inputParameter values: what fetchAndLock returns as its local variables.
        JSON.stringify(toVariableRows(isPlainObject(wait.api.content.input) ? wait.api.content.input : {})),
      ]);
      return topic;
    }
    case 'message':
    case 'signal':
      await tx.query(waits.insertSubscription, [randomUUID(), instance.id, wait.executionId, wait.activityId, wait.kind, wait.eventName, wait.messageId ?? null, now]);
      return undefined;
    default:
      return undefined;
  }
}

async function reconcileTimers(ctx: InternalContext): Promise<CommandOutcome['timers']> {
  const { tx, instance, now } = ctx;
  const pending = ctx.timers.pending();
  await tx.query(waits.deleteTimersExcept, [instance.id, pending.map((p) => p.executionId)]);
  const result: CommandOutcome['timers'] = [];
  for (const p of pending) {
    const rows = (await tx.query(waits.upsertTimer, [randomUUID(), instance.id, p.activityId, p.executionId, p.timerType, p.timerValue, p.repeat, p.dueAt, now])) as Array<{ id: string; due_at: Date }>;
    const r = rows[0];
    if (r) result.push({ id: r.id, dueAt: new Date(r.due_at) });
  }
  return result;
}

async function writeActivityHistory(ctx: InternalContext): Promise<void> {
  const { tx, instance, definition, now, tracker } = ctx;
  const starts = tracker.activities
    .filter((a) => a.kind === 'start')
    .map((a) => ({ activity_id: a.activityId, activity_name: a.activityName, activity_type: a.activityType, execution_id: a.executionId }));
  if (starts.length) await tx.query(history.startActivities, [instance.id, definition.id, now, instance.tenantId, JSON.stringify(starts)]);
  const ends = tracker.activities
    .filter((a) => a.kind !== 'start')
    .map((a) => ({ execution_id: a.executionId, canceled: a.kind === 'discard' }));
  if (ends.length) await tx.query(history.endActivities, [instance.id, now, JSON.stringify(ends)]);
}

async function writeEvents(ctx: InternalContext): Promise<void> {
  const { tx, instance, now, tracker } = ctx;
  if (tracker.ended || ctx.terminated) ctx.record({ type: ctx.terminated ? 'instance.terminated' : 'instance.completed', payload: ctx.terminated ? { reason: ctx.terminated } : {} });
  for (const e of ctx.events) {
    await tx.query(history.insertHistoryEvent, [instance.id, e.type, e.activityId ?? null, e.executionId ?? null, ctx.userId, JSON.stringify(e.payload ?? {}), now]);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function extensionProperties(behaviour: any): Record<string, string> {
  const props = behaviour?.extensionElements?.values?.find((v: any) => v.$type === 'camunda:Properties');
  const result: Record<string, string> = {};
  for (const p of props?.values ?? []) if (p?.name) result[p.name] = String(p.value ?? '');
  return result;
}

/**
 * The state embeds each definition's whole serialized source (≈40% of its size). The source
 * lives once in `process_definition`, so it is dropped here and handed back at recover.
 */
function stripSources(state: any): any {
  if (!state?.definitions) return state;
  return { ...state, definitions: state.definitions.map(({ source: _source, ...d }: any) => d) };
}
