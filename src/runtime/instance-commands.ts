import type { CommandContext, EngineHost } from '../engine/index.js';
import { ProcessInstanceEndedError, ProcessInstanceNotFoundError } from '../engine/index.js';

export interface DeleteInstanceOptions {
  /** Written to `delete_reason`; the history answers it as `deleteReason`. */
  reason?: string;
  /** false: an unknown or already ended instance is not an error (Camunda's `failIfNotExists`). */
  failIfNotExists?: boolean;
  userId?: string | null;
}

export const DEFAULT_DELETE_REASON = 'Process instance deleted';

/** Commands on a whole instance: delete (撤单) and variable changes. */
export class InstanceCommands {
  constructor(private readonly host: EngineHost) {}

  /**
   * Ends the instance as EXTERNALLY_TERMINATED: its tasks, subscriptions and timers go, open
   * activities are closed as canceled. Returns false when nothing was deleted (only with
   * `failIfNotExists: false`).
   */
  async delete(instanceId: string, options: DeleteInstanceOptions = {}): Promise<boolean> {
    try {
      await this.host.execute(instanceId, options.userId ?? null, (ctx) => {
        ctx.terminate(options.reason || DEFAULT_DELETE_REASON);
      });
      return true;
    } catch (err) {
      const gone = err instanceof ProcessInstanceNotFoundError || err instanceof ProcessInstanceEndedError;
      if (gone && options.failIfNotExists === false) return false;
      // An ended instance is as absent from the runtime as an unknown one (Camunda answers 404).
      if (err instanceof ProcessInstanceEndedError) throw new ProcessInstanceNotFoundError(instanceId);
      throw err;
    }
  }

  /** Sets `modifications` and removes `deletions` in one command; the engine does not move. */
  async modifyVariables(instanceId: string, modifications: Record<string, unknown>, deletions: readonly string[], userId: string | null = null): Promise<void> {
    try {
      await this.host.execute(instanceId, userId, (ctx) => {
        if (Object.keys(modifications).length) ctx.setVariables(modifications);
        if (deletions.length) deleteVariables(ctx, deletions);
        ctx.record({ type: 'variables.modified', payload: { modified: Object.keys(modifications), deleted: [...deletions] } });
      });
    } catch (err) {
      if (err instanceof ProcessInstanceEndedError) throw new ProcessInstanceNotFoundError(instanceId);
      throw err;
    }
  }
}

interface VariableHolder {
  environment?: { variables?: Record<string, unknown> };
}

/**
 * The engine keeps process variables twice: on each definition's environment and on each of
 * its processes' (both are in the saved state, and recover merges the first into the
 * second). `setVariables` only assigns, so removing a name means deleting it from both.
 */
export function deleteVariables(ctx: CommandContext, names: readonly string[]): void {
  const execution = ctx.execution as unknown as { definitions?: Array<VariableHolder & { getProcesses?(): VariableHolder[] }> };
  for (const definition of execution.definitions ?? []) {
    for (const holder of [definition, ...(definition.getProcesses?.() ?? [])]) {
      const variables = holder.environment?.variables;
      if (variables) for (const name of names) delete variables[name];
    }
  }
}
