import type { CommandContext, CommandOutcome, Queryable } from '../engine/index.js';
import { PROJECTED_VARIABLES, deriveProjection, type Projection, type ProjectionFacts } from './projection-rules.js';
import type { SatisfactionCode, StatusCode, UrgencyCode } from './vocabulary.js';
import * as sql from './sql/projection.js';

/**
 * Keeps each work order in step with its process instance. The engine host calls
 * `afterCommand` inside every command's transaction, after the engine's own writes, so the
 * order's status, unit, deadline and ledger counts commit (or roll back) with the step that
 * changed them. Instances without an order (started through /engine-rest) cost one lookup.
 */
export class WorkOrderProjector {
  async afterCommand(ctx: CommandContext, _outcome: CommandOutcome): Promise<void> {
    await this.refresh(ctx.tx, ctx.instance.id, ctx.now);
  }

  /** Recomputes the order of `instanceId` from what the database holds now; false without one. */
  async refresh(tx: Queryable, instanceId: string, now: Date): Promise<boolean> {
    const [order] = (await tx.query(sql.projectionOfInstance, [instanceId])) as Array<Record<string, unknown>>;
    if (!order) return false;
    const [row] = (await tx.query(sql.projectionFacts, [instanceId, PROJECTED_VARIABLES])) as Array<Record<string, any>>;
    if (!row) return false;
    const next = deriveProjection(factsOf(row), previousOf(order), now);
    await tx.query(sql.updateProjection, [
      order.id, next.status, next.currentUnit, next.dueAt, next.extensionCount, next.returnCount, next.returnedAt,
      next.reminderCount, next.remindedAt, next.supervisionCount, next.supervisedAt, next.redoCount, next.redoneAt,
      next.completedAt, next.callbackAt, next.satisfaction, Number(row.revision), now, next.handlingUnit, next.coUnits, next.dispatchedAt,
      next.urgency,
    ]);
    return true;
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any -- json_agg rows */

function factsOf(row: Record<string, any>): ProjectionFacts {
  return {
    processKey: row.definition_key,
    state: row.state,
    endTime: dateOrNull(row.end_time),
    tasks: (row.tasks as any[]).map((t) => ({ activityId: t.activityId, candidateGroups: t.candidateGroups ?? [], due: dateOrNull(t.due) })),
    activities: (row.activities as any[]).map((a) => ({
      activityId: a.activityId,
      count: Number(a.count),
      lastStart: dateOrNull(a.lastStart),
      lastEnd: dateOrNull(a.lastEnd),
      open: a.open === true,
    })),
    variables: row.variables ?? {},
  };
}

function previousOf(r: Record<string, unknown>): Projection {
  return {
    status: r.status as StatusCode,
    currentUnit: (r.current_unit as string | null) ?? null,
    dueAt: dateOrNull(r.due_at),
    extensionCount: Number(r.extension_count),
    returnCount: Number(r.return_count),
    returnedAt: dateOrNull(r.returned_at),
    reminderCount: Number(r.reminder_count),
    remindedAt: dateOrNull(r.reminded_at),
    supervisionCount: Number(r.supervision_count),
    supervisedAt: dateOrNull(r.supervised_at),
    redoCount: Number(r.redo_count),
    redoneAt: dateOrNull(r.redone_at),
    completedAt: dateOrNull(r.completed_at),
    callbackAt: dateOrNull(r.callback_at),
    satisfaction: (r.satisfaction as SatisfactionCode | null) ?? null,
    handlingUnit: (r.handling_unit as string | null) ?? null,
    coUnits: (r.co_units as string[] | null) ?? [],
    dispatchedAt: dateOrNull(r.dispatched_at),
    urgency: (r.urgency as UrgencyCode | null) ?? null,
  };
}

function dateOrNull(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}
