import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Clock } from '../clock/index.js';
import type { EngineHost } from '../engine/index.js';
import { firstOccurrence, timerStartEvents, type TimerStartEvent } from './start-timer-schedule.js';
import type { TimerJob } from './timer-store.js';
import { InvalidTimerStartError } from './errors.js';
import * as sql from './sql/timer-start-jobs.js';

export interface TimerStartJobsOptions {
  host: EngineHost;
  clock: Clock;
  /** Hands committed jobs to the delivery (BullMQ or the in-process loop). */
  deliver: (jobs: TimerJob[]) => void;
}

/** Which definitions a deployment created, or a deletion removed. */
export interface DefinitionChange {
  deployed: ReadonlyArray<{ id: string }>;
  deleted: ReadonlyArray<{ key: string; tenantId: string | null }>;
}

interface DefinitionRow {
  id: string;
  key: string;
  version: number;
  tenant_id: string | null;
  source_context: string;
}

/**
 * Keeps timer start jobs in step with deployments, Camunda's way: only the latest version of
 * a key (per tenant) has them. Deploying a version drops the jobs of the key's other versions
 * and creates its own, due from the deployment time; deleting a deployment drops its jobs (ON
 * DELETE CASCADE) and gives the key's now-latest version its jobs back, due from now. Runs
 * inside the deployment's transaction, so a refused deployment schedules nothing; the jobs
 * reach the delivery only after the commit.
 */
export class TimerStartJobs {
  constructor(private readonly o: TimerStartJobsOptions) {}

  /** Inside the deployment's transaction; returns what to run once it committed. */
  async onDefinitionsChanged(change: DefinitionChange, tx: EntityManager): Promise<() => void> {
    const ids = change.deployed.map((d) => d.id);
    if (change.deleted.length) {
      const rows = (await tx.query(sql.latestVersionsOf, [change.deleted.map((d) => d.key), change.deleted.map((d) => d.tenantId)])) as Array<{ id: string }>;
      ids.push(...rows.map((r) => r.id));
    }
    const jobs: TimerJob[] = [];
    if (ids.length) {
      const definitions = (await tx.query(sql.definitionsForStartJobs, [ids])) as DefinitionRow[];
      for (const d of definitions) jobs.push(...(await this.#schedule(d, tx)));
    }
    return () => {
      if (jobs.length) this.o.deliver(jobs);
    };
  }

  async #schedule(d: DefinitionRow, tx: EntityManager): Promise<TimerJob[]> {
    await tx.query(sql.deleteStartJobsOfOtherVersions, [d.key, d.tenant_id, d.id]);
    const now = this.o.clock.now();
    const jobs: TimerJob[] = [];
    for (const event of timerStartEvents(JSON.parse(d.source_context))) {
      const value = await this.#resolve(event, d, tx);
      let first;
      try {
        first = firstOccurrence(event.timerType, value, now);
      } catch (err) {
        throw new InvalidTimerStartError(d.key, event.activityId, value, `is not a valid ISO 8601 ${event.timerType}: ${(err as Error).message}`);
      }
      if (!first) continue;
      const rows = (await tx.query(sql.insertStartJob, [randomUUID(), d.id, event.activityId, event.timerType, value, first.repeat, first.dueAt, now])) as Array<{ id: string; due_at: Date | string }>;
      for (const r of rows) jobs.push({ id: r.id, dueAt: new Date(r.due_at) });
    }
    return jobs;
  }

  /**
   * `${…}` in a start timer is evaluated now, once: there is no instance and so no variable,
   * only functions (`${deadline('1wd')}` counts working days of the definition's region).
   */
  async #resolve(event: TimerStartEvent, d: DefinitionRow, tx: EntityManager): Promise<string> {
    if (!event.value.includes('${') && !event.value.includes('#{')) return event.value;
    let result: unknown;
    try {
      result = await this.o.host.evaluateForDefinition(event.value, { id: d.id, key: d.key, tenantId: d.tenant_id }, tx);
    } catch (err) {
      throw new InvalidTimerStartError(d.key, event.activityId, event.value, `could not be evaluated (start timers see no process variables): ${(err as Error).message}`);
    }
    if (result instanceof Date) return result.toISOString();
    if (typeof result === 'string' && result.trim()) return result.trim();
    throw new InvalidTimerStartError(d.key, event.activityId, event.value, `evaluated to ${JSON.stringify(result)}, not an ISO 8601 value`);
  }
}
