import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import type { EngineHost, FormField } from '../engine/index.js';
import {
  ProcessInstanceEndedError,
  ProcessInstanceNotFoundError,
  TaskAlreadyClaimedError,
  TaskNotFoundError,
  ProcessExecutionError,
} from '../engine/index.js';
import { validateFormVariables } from './form-validation.js';
import * as sql from './sql/tasks.js';

export interface CompleteOptions {
  variables?: Record<string, unknown>;
  userId?: string | null;
  /** Return the process variables after completion (Camunda's `withVariablesInReturn`). */
  withVariablesInReturn?: boolean;
}

interface TaskRow {
  id: string;
  process_instance_id: string;
  execution_id: string;
  task_definition_key: string;
  assignee: string | null;
  form_fields: FormField[] | null;
}

/**
 * Commands on user tasks. Claim and assignment touch only the task row (the engine does not
 * care who works on a task); completion is an engine command on the task's instance.
 */
export class TaskService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly host: EngineHost,
    private readonly clock: Clock,
  ) {}

  /**
   * Claims for `userId`; someone else holding the task → TaskAlreadyClaimedError (409).
   * `actingUser`: who did it, when someone claims on another's behalf (default: `userId`).
   */
  async claim(taskId: string, userId: string, actingUser: string = userId): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(sql.claimTask, [taskId, userId, this.clock.now()])) as Array<Record<string, string>>;
      const row = first(rows);
      if (!row) {
        const [task] = (await tx.query(sql.taskById, [taskId])) as TaskRow[];
        if (!task) throw new TaskNotFoundError(taskId);
        throw new TaskAlreadyClaimedError(taskId, task.assignee ?? '');
      }
      await this.#recordAssignment(tx, row, 'task.claimed', userId, actingUser);
    });
  }

  /** Sets or clears the assignee without the claim check (Camunda's `setAssignee`/`unclaim`). */
  async setAssignee(taskId: string, assignee: string | null, actingUser: string | null): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const rows = (await tx.query(sql.setAssignee, [taskId, assignee, this.clock.now()])) as Array<Record<string, string>>;
      const row = first(rows);
      if (!row) throw new TaskNotFoundError(taskId);
      await this.#recordAssignment(tx, row, assignee === null ? 'task.unclaimed' : 'task.assigned', assignee, actingUser);
    });
  }

  /**
   * Completes the task: validates the form, writes the variables to the process scope, and
   * signals the waiting execution, all in the instance's transaction. A task completed by
   * someone else a moment earlier is gone by the time this one holds the lock → 404.
   */
  async complete(taskId: string, options: CompleteOptions = {}): Promise<Record<string, unknown> | undefined> {
    const [task] = (await this.dataSource.query(sql.taskById, [taskId])) as TaskRow[];
    if (!task) throw new TaskNotFoundError(taskId);
    const variables = options.variables ?? {};
    try {
      const { result } = await this.host.execute(task.process_instance_id, options.userId ?? null, async (ctx) => {
        const [current] = (await ctx.tx.query(sql.taskById, [taskId])) as TaskRow[];
        if (!current) throw new TaskNotFoundError(taskId);
        validateFormVariables(taskId, current.form_fields ?? [], variables, ctx.variables());
        const wait = ctx.tracker.waits.get(current.execution_id);
        if (!wait) {
          throw new ProcessExecutionError(ctx.instance.id, current.task_definition_key, `task ${taskId} has no waiting execution`, ctx.instance.businessKey);
        }
        ctx.setVariables(variables);
        ctx.record({
          type: 'task.completed',
          activityId: current.task_definition_key,
          executionId: current.execution_id,
          payload: { taskId, assignee: current.assignee, variables: Object.keys(variables) },
        });
        wait.api.signal();
        return options.withVariablesInReturn ? ctx : undefined;
      });
      return result ? result.variables() : undefined;
    } catch (err) {
      if (err instanceof ProcessInstanceNotFoundError || err instanceof ProcessInstanceEndedError) throw new TaskNotFoundError(taskId);
      throw err;
    }
  }

  async #recordAssignment(
    tx: { query: DataSource['query'] },
    row: Record<string, string>,
    type: string,
    assignee: string | null,
    actingUser: string | null,
  ): Promise<void> {
    await tx.query(sql.assigneeOfActivity, [row.process_instance_id, row.execution_id, assignee]);
    await tx.query(sql.insertTaskEvent, [
      row.process_instance_id, type, row.task_definition_key, row.execution_id, actingUser,
      JSON.stringify({ taskId: row.id, assignee }), this.clock.now(),
    ]);
  }
}

/** TypeORM returns `[rows, count]` for UPDATE … RETURNING on pg. */
function first(result: unknown): Record<string, string> | undefined {
  if (Array.isArray(result) && Array.isArray(result[0])) return result[0][0] as Record<string, string> | undefined;
  return (result as Array<Record<string, string>>)[0];
}
