import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { FireOutcome, TimerFiring } from './fire-timer.js';
import { ownerOf, type ClaimedTimer, type TimerStore } from './timer-store.js';

/** How many timers of each outcome one `runDue` saw. */
export type RunDueSummary = Record<FireOutcome, number>;

export interface DueRunnerOptions {
  store: TimerStore;
  firing: TimerFiring;
  logger: Logger;
  /** Timers claimed per round trip. */
  batchSize: number;
  /** Instances fired in parallel (each instance's own timers stay in due order). */
  concurrency: number;
  /** How long a timer that stays due after firing is set aside (real time). */
  parkMs: number;
}

const IN_FLIGHT_POLL_MS = 20;

/**
 * Fires every timer due at `now` straight from the table: claim a batch (oldest first,
 * `FOR UPDATE SKIP LOCKED` plus a lease, so several nodes can run this at once), fire it,
 * repeat until nothing due is left. Resolves only when every due timer has fired and its
 * transaction committed, including firings another node or the BullMQ worker had in flight,
 * which is what the test clock needs, and what the in-process poller does on each tick.
 */
export class DueRunner {
  constructor(private readonly o: DueRunnerOptions) {}

  async runDue(now: Date): Promise<RunDueSummary> {
    const summary: RunDueSummary = { fired: 0, stale: 0, busy: 0, early: 0, failed: 0, incident: 0 };
    // A row that survives its own successful firing (it should not) must not spin this loop:
    // it is parked for a lease period instead and looked at again later.
    const done = new Set<string>();
    for (;;) {
      const claimed = await this.o.store.claimDue(now, this.o.batchSize);
      const batch: ClaimedTimer[] = [];
      for (const t of claimed) {
        if (!done.has(key(t))) batch.push(t);
        else {
          this.o.logger.warn({ timerId: t.id, owner: ownerOf(t), activityId: t.activityId }, 'timer still due after firing; parked');
          await this.o.store.backOff(t.id, this.o.parkMs);
        }
      }
      if (claimed.length === 0) {
        if ((await this.o.store.inFlightDue(now)) === 0) break;
        await sleep(IN_FLIGHT_POLL_MS);
        continue;
      }
      const outcomes = await this.#fireBatch(batch);
      batch.forEach((t, i) => {
        const outcome = outcomes[i]!;
        summary[outcome]++;
        if (outcome === 'fired' || outcome === 'stale') done.add(key(t));
      });
    }
    if (summary.fired + summary.failed + summary.incident > 0) this.o.logger.debug({ now: now.toISOString(), ...summary }, 'due timers run');
    return summary;
  }

  /**
   * Groups by owner: instances (and definitions, for timer start jobs) in parallel, each
   * owner's timers in due order.
   */
  async #fireBatch(batch: ClaimedTimer[]): Promise<FireOutcome[]> {
    const byInstance = new Map<string, ClaimedTimer[]>();
    for (const t of batch) {
      const list = byInstance.get(ownerOf(t)) ?? [];
      list.push(t);
      byInstance.set(ownerOf(t), list);
    }
    const groups = [...byInstance.values()];
    const outcomes = new Map<ClaimedTimer, FireOutcome>();
    let next = 0;
    const worker = async () => {
      while (next < groups.length) {
        const group = groups[next++]!;
        for (const t of group) outcomes.set(t, await this.o.firing.fireClaimed(t));
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.o.concurrency, groups.length)) }, worker));
    return batch.map((t) => outcomes.get(t)!);
  }
}

function key(t: ClaimedTimer): string {
  return `${t.id}@${t.dueAt.getTime()}`;
}
