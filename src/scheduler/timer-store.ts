import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import * as sql from './sql/timer-jobs.js';

/** A timer as a delivery knows it: its row id and the due time it was scheduled for. */
export interface TimerJob {
  id: string;
  dueAt: Date;
}

/** A timer row this node holds a firing lease on. */
export type ClaimedTimer = ClaimedInstanceTimer | ClaimedStartTimer;

/** A timer armed inside a running instance (boundary, intermediate, or a waiting start event). */
export interface ClaimedInstanceTimer extends TimerJob {
  kind: 'instance';
  processInstanceId: string;
  activityId: string;
  executionId: string;
  attempts: number;
}

/** A timer start job: due, it starts a new instance of its definition. */
export interface ClaimedStartTimer extends TimerJob {
  kind: 'start';
  processDefinitionId: string;
  activityId: string;
  attempts: number;
}

export interface TimerStoreOptions {
  dataSource: DataSource;
  nodeId: string;
  /** How long a firing lease lasts before another node may take the timer over. */
  leaseMs: number;
  /** Firing attempts before a timer stops being retried and gets an incident. */
  maxAttempts: number;
}

interface ClaimRow {
  id: string;
  process_instance_id: string | null;
  process_definition_id: string | null;
  activity_id: string;
  execution_id: string | null;
  due_at: Date | string;
  attempts: number;
}

/** The scheduler's reads and writes on `timer_job` (statements in sql/timer-jobs.ts). */
export class TimerStore {
  constructor(private readonly o: TimerStoreOptions) {}

  get maxAttempts(): number {
    return this.o.maxAttempts;
  }

  /** Leases up to `limit` due timers, oldest first; other nodes skip them. */
  async claimDue(now: Date, limit: number): Promise<ClaimedTimer[]> {
    const result = await this.o.dataSource.query(sql.claimDue, [now, this.o.maxAttempts, limit, this.o.nodeId, this.o.leaseMs]);
    return rowsOf<ClaimRow>(result)
      .map(toClaimed)
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : 1));
  }

  /** Leases one timer if it is still the same (id and due time) and nobody else holds it. */
  async claimOne(job: TimerJob): Promise<ClaimedTimer | undefined> {
    const result = await this.o.dataSource.query(sql.claimOne, [job.id, job.dueAt, this.o.maxAttempts, this.o.nodeId, this.o.leaseMs]);
    const row = rowsOf<ClaimRow>(result)[0];
    return row ? toClaimed(row) : undefined;
  }

  async exists(job: TimerJob): Promise<boolean> {
    return ((await this.o.dataSource.query(sql.timerExists, [job.id, job.dueAt])) as unknown[]).length > 0;
  }

  /** Inside a firing transaction: the row's due time now, or undefined when it is gone. */
  async dueAtIn(tx: EntityManager, id: string): Promise<Date | undefined> {
    const [row] = (await tx.query(sql.timerForFiring, [id])) as Array<{ due_at: Date | string }>;
    return row ? new Date(row.due_at) : undefined;
  }

  async release(id: string): Promise<void> {
    await this.o.dataSource.query(sql.releaseLease, [id, this.o.nodeId]);
  }

  async backOff(id: string, ms: number): Promise<void> {
    await this.o.dataSource.query(sql.backOff, [id, this.o.nodeId, ms]);
  }

  /**
   * Counts a failed attempt; at the last one, opens a `failedJob` incident in the same
   * transaction. Returns the attempts made, or undefined when the timer row is gone.
   */
  async recordFailure(t: ClaimedTimer, message: string, retryDelayMs: number, now: Date): Promise<number | undefined> {
    return this.o.dataSource.transaction(async (tx) => {
      const [row] = rowsOf<{ attempts: number }>(await tx.query(sql.recordFailure, [t.id, t.dueAt, message.slice(0, 4000), retryDelayMs]));
      if (!row) return undefined;
      if (row.attempts >= this.o.maxAttempts) {
        const text = message.slice(0, 4000);
        if (t.kind === 'start') await tx.query(sql.insertStartIncident, [randomUUID(), t.processDefinitionId, t.activityId, t.id, text, now]);
        else await tx.query(sql.insertIncident, [randomUUID(), t.processInstanceId, t.activityId, t.executionId, t.id, text, now]);
      }
      return row.attempts;
    });
  }

  /** Closes `failedJob` incidents whose timer row is gone; returns how many. */
  async resolveOrphanIncidents(now: Date): Promise<number> {
    const result = await this.o.dataSource.query(sql.resolveOrphanIncidents, [now]);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }

  /** When the in-process loop should look again (undefined: no timer at all). */
  async nextWake(): Promise<Date | undefined> {
    const [row] = (await this.o.dataSource.query(sql.nextWake, [this.o.maxAttempts])) as Array<{ next: Date | string | null }>;
    return row?.next ? new Date(row.next) : undefined;
  }

  async nextDueUpTo(limit: Date): Promise<Date | undefined> {
    const [row] = (await this.o.dataSource.query(sql.nextDueUpTo, [limit, this.o.maxAttempts])) as Array<{ next: Date | string | null }>;
    return row?.next ? new Date(row.next) : undefined;
  }

  async inFlightDue(now: Date): Promise<number> {
    const [row] = (await this.o.dataSource.query(sql.inFlightDue, [now, this.o.maxAttempts])) as Array<{ n: number }>;
    return row?.n ?? 0;
  }

  /** Every claimable timer due up to `horizon`, page by page, oldest first. */
  async *pending(horizon: Date, pageSize = 500): AsyncGenerator<TimerJob[]> {
    let afterDue = new Date(0);
    let afterId = '';
    for (;;) {
      const rows = (await this.o.dataSource.query(sql.pendingPage, [horizon, this.o.maxAttempts, afterDue, afterId, pageSize])) as Array<{ id: string; due_at: Date | string }>;
      if (rows.length === 0) return;
      const page = rows.map((r) => ({ id: r.id, dueAt: new Date(r.due_at) }));
      yield page;
      const last = page[page.length - 1]!;
      afterDue = last.dueAt;
      afterId = last.id;
      if (rows.length < pageSize) return;
    }
  }
}

function toClaimed(r: ClaimRow): ClaimedTimer {
  const common = { id: r.id, dueAt: new Date(r.due_at), activityId: r.activity_id, attempts: r.attempts };
  // The table's check constraint guarantees one of the two owners.
  if (r.process_instance_id === null) return { ...common, kind: 'start', processDefinitionId: r.process_definition_id! };
  return { ...common, kind: 'instance', processInstanceId: r.process_instance_id, executionId: r.execution_id! };
}

/** Whose timers must not fire in parallel: an instance's, or a definition's start jobs. */
export function ownerOf(t: ClaimedTimer): string {
  return t.kind === 'start' ? `definition:${t.processDefinitionId}` : t.processInstanceId;
}

/** TypeORM on pg answers UPDATE … RETURNING with `[rows, count]`, SELECT with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
