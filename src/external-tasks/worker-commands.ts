import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '../clock/index.js';
import { ProcessInstanceEndedError, ProcessInstanceNotFoundError, type CommandContext, type EngineHost } from '../engine/index.js';
import { findErrorCatcher } from './error-catchers.js';
import { ExternalTaskLockExpiredError, ExternalTaskNotFoundError, ExternalTaskWorkerMismatchError, type ExternalTaskOperation } from './errors.js';
import * as sql from './sql/commands.js';
import { rowsOf, type ExternalTaskRow } from './task-row.js';
import type { BpmnErrorCommand, BpmnErrorOutcome, CompleteCommand, FailureCommand } from './types.js';

/** Called after a command made tasks of `topic` fetchable again, to wake held polls. */
export type TopicNotifier = (topic: string) => void;

/**
 * What workers (and operators) do to one external task. Commands that move the process —
 * complete, bpmnError, and failure with variables or an incident — run as engine commands
 * (`host.execute`, instance row locked, engine recovered); the others touch only the task row.
 * Either way the row is read again with `FOR UPDATE` inside the transaction, so a task that
 * was completed, re-locked or whose lock ran out a moment earlier is judged as it is now.
 */
export class WorkerCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly host: EngineHost,
    private readonly clock: Clock,
    private readonly notify: TopicNotifier,
  ) {}

  async complete(id: string, cmd: CompleteCommand): Promise<void> {
    await this.#inInstance(id, async (ctx, row) => {
      checkLock(row, 'complete', cmd.workerId, ctx.now);
      const wait = waitOf(ctx, row);
      if (cmd.variables) ctx.setVariables(cmd.variables);
      ctx.record({
        type: 'externalTask.completed',
        activityId: row.activity_id,
        executionId: row.execution_id,
        payload: { externalTaskId: id, topic: row.topic_name, workerId: cmd.workerId, variables: Object.keys(cmd.variables ?? {}) },
      });
      await ctx.tx.query(sql.resolveIncidents, [id, ctx.now]);
      // The signal's message is the activity's output: what output mappings see as local variables.
      wait.api.signal({ ...cmd.variables, ...cmd.localVariables });
    });
  }

  async bpmnError(id: string, cmd: BpmnErrorCommand): Promise<BpmnErrorOutcome> {
    return this.#inInstance(id, async (ctx, row) => {
      checkLock(row, 'bpmnError', cmd.workerId, ctx.now);
      const wait = waitOf(ctx, row);
      const catcher = findErrorCatcher(wait.api.owner, cmd.errorCode, (expr) => wait.api.resolveExpression(expr));
      const variables: Record<string, unknown> = { ...cmd.variables };
      if (catcher?.errorCodeVariable) variables[catcher.errorCodeVariable] = cmd.errorCode;
      if (catcher?.errorMessageVariable) variables[catcher.errorMessageVariable] = cmd.errorMessage ?? null;
      if (Object.keys(variables).length > 0) ctx.setVariables(variables);
      ctx.record({
        type: 'externalTask.bpmnError',
        activityId: row.activity_id,
        executionId: row.execution_id,
        payload: { externalTaskId: id, topic: row.topic_name, workerId: cmd.workerId, errorCode: cmd.errorCode, errorMessage: cmd.errorMessage ?? null, caughtBy: catcher?.activityId ?? null },
      });
      await ctx.tx.query(sql.resolveIncidents, [id, ctx.now]);
      if (catcher) {
        wait.api.sendApiMessage('error', { message: cmd.errorMessage ?? cmd.errorCode, code: cmd.errorCode, name: cmd.errorCode });
      } else {
        // Camunda's default for an uncaught BPMN error: the execution ends, the process goes on without it.
        wait.api.discard();
      }
      return { caughtBy: catcher?.activityId ?? null };
    });
  }

  async failure(id: string, cmd: FailureCommand): Promise<void> {
    const apply = async (tx: EntityManager, row: ExternalTaskRow, now: Date) => {
      checkLock(row, 'failure', cmd.workerId, now);
      const retryAt = new Date(now.getTime() + cmd.retryTimeout);
      await tx.query(sql.recordFailure, [id, cmd.retries, cmd.errorMessage ?? null, cmd.errorDetails ?? null, retryAt]);
      const event = { externalTaskId: id, topic: row.topic_name, workerId: cmd.workerId, retries: cmd.retries, retryTimeout: cmd.retryTimeout, errorMessage: cmd.errorMessage ?? null };
      await this.#history(tx, row, 'externalTask.failed', event, now);
      if (cmd.retries === 0) {
        const raised = rowsOf<{ id: string }>(await tx.query(sql.raiseIncident, [
          randomUUID(), row.process_instance_id, row.process_definition_id, row.activity_id, row.execution_id, id, cmd.errorMessage ?? null, now,
        ]));
        if (raised[0]) await this.#history(tx, row, 'incident.created', { incidentId: raised[0].id, externalTaskId: id, message: cmd.errorMessage ?? null }, now);
      }
    };
    const vars = { ...cmd.variables };
    if (cmd.retries === 0 || Object.keys(vars).length > 0) {
      // Inserting an incident references the instance row: take the instance lock first, as every engine command does.
      await this.#inInstance(id, async (ctx, row) => {
        if (Object.keys(vars).length > 0) ctx.setVariables(vars);
        await apply(ctx.tx, row, ctx.now);
      });
    } else {
      await this.#inRow(id, (tx, row, now) => apply(tx, row, now));
    }
    if (cmd.retries > 0 && cmd.retryTimeout === 0) await this.#notifyTopicOf(id);
  }

  async extendLock(id: string, workerId: string, newDuration: number): Promise<void> {
    await this.#inRow(id, async (tx, row, now) => {
      checkLock(row, 'extendLock', workerId, now);
      await tx.query(sql.setLock, [id, workerId, new Date(now.getTime() + newDuration)]);
    });
  }

  /** Locks (or re-locks) for `workerId` unless another worker holds a live lock. */
  async lock(id: string, workerId: string, lockDuration: number): Promise<void> {
    await this.#inRow(id, async (tx, row, now) => {
      if (row.worker_id !== null && row.worker_id !== workerId && isLive(row, now)) {
        throw new ExternalTaskWorkerMismatchError(id, 'lock', workerId, row.worker_id);
      }
      await tx.query(sql.setLock, [id, workerId, new Date(now.getTime() + lockDuration)]);
    });
  }

  /** No worker check, as in Camunda: operators free tasks of crashed workers with it. */
  async unlock(id: string): Promise<void> {
    const row = await this.#inRow(id, async (tx, r) => {
      await tx.query(sql.clearLock, [id]);
      return r;
    });
    this.notify(row.topic_name);
  }

  /** Sets retries; above 0 the open incident of the task is resolved and the task is fetchable again. */
  async setRetries(id: string, retries: number): Promise<void> {
    const row = await this.#inRow(id, async (tx, r, now) => {
      await tx.query(sql.setRetries, [id, retries]);
      if (retries > 0) {
        const resolved = rowsOf<{ id: string }>(await tx.query(sql.resolveIncidents, [id, now]));
        for (const inc of resolved) await this.#history(tx, r, 'incident.resolved', { incidentId: inc.id, externalTaskId: id, retries }, now);
      }
      return r;
    });
    if (retries > 0) this.notify(row.topic_name);
  }

  async #inInstance<T>(id: string, work: (ctx: CommandContext, row: ExternalTaskRow) => Promise<T>): Promise<T> {
    const [found] = (await this.dataSource.query(sql.instanceOfTask, [id])) as Array<{ process_instance_id: string }>;
    if (!found) throw new ExternalTaskNotFoundError(id);
    try {
      const { result } = await this.host.execute(found.process_instance_id, null, async (ctx) => {
        const [row] = rowsOf<ExternalTaskRow>(await ctx.tx.query(sql.lockTaskRow, [id]));
        if (!row) throw new ExternalTaskNotFoundError(id);
        return work(ctx, row);
      });
      return result;
    } catch (err) {
      if (err instanceof ProcessInstanceNotFoundError || err instanceof ProcessInstanceEndedError) throw new ExternalTaskNotFoundError(id);
      throw err;
    }
  }

  async #inRow<T>(id: string, work: (tx: EntityManager, row: ExternalTaskRow, now: Date) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (tx) => {
      const [row] = rowsOf<ExternalTaskRow>(await tx.query(sql.lockTaskRow, [id]));
      if (!row) throw new ExternalTaskNotFoundError(id);
      return work(tx, row, this.clock.now());
    });
  }

  async #notifyTopicOf(id: string): Promise<void> {
    const [row] = (await this.dataSource.query(`SELECT topic_name FROM external_task WHERE id = $1`, [id])) as Array<{ topic_name: string }>;
    if (row) this.notify(row.topic_name);
  }

  async #history(tx: EntityManager, row: ExternalTaskRow, type: string, payload: Record<string, unknown>, now: Date): Promise<void> {
    await tx.query(sql.insertHistoryEvent, [row.process_instance_id, type, row.activity_id, row.execution_id, null, JSON.stringify(payload), now]);
  }
}

function isLive(row: ExternalTaskRow, now: Date): boolean {
  return row.lock_expiration_time !== null && new Date(row.lock_expiration_time).getTime() > now.getTime();
}

/**
 * The caller must hold a live lock: a worker whose lease ran out on the service clock may see
 * its task fetched by another worker at any moment, so it may no longer move the process.
 * (Camunda still accepts an expired lock nobody re-took; we refuse it, so the answer does not
 * depend on whether another worker happened to poll first.)
 */
function checkLock(row: ExternalTaskRow, op: ExternalTaskOperation, workerId: string, now: Date): void {
  if (row.worker_id !== workerId) throw new ExternalTaskWorkerMismatchError(row.id, op, workerId, row.worker_id);
  if (!isLive(row, now)) throw new ExternalTaskLockExpiredError(row.id, op, workerId, new Date(row.lock_expiration_time ?? now));
}

function waitOf(ctx: CommandContext, row: ExternalTaskRow) {
  const wait = ctx.tracker.waits.get(row.execution_id);
  // The row exists but the engine does not wait there: the projection is stale. Treat as gone.
  if (!wait || wait.kind !== 'externalTask') throw new ExternalTaskNotFoundError(row.id);
  return wait;
}
