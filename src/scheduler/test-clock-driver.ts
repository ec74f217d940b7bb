import type { Logger } from 'pino';
import { ClockMovedBackwardsError, type TestClock } from '../clock/index.js';
import type { DueRunner, RunDueSummary } from './due-runner.js';
import type { TimerStore } from './timer-store.js';

export interface ClockMove {
  from: Date;
  now: Date;
  /** What the timers that became due did on the way. */
  timers: RunDueSummary;
}

/** Guards against an unbounded cycle (R/PT1M) walked over a year: what is left fires at the end. */
const MAX_STEPS = 10_000;

/**
 * Moves a test clock forward the way real time would pass: it stops at every due time on the
 * way, sets the clock there and fires what is due, so each timer fires at its own instant
 * (history times are due times, and a cycle re-armed at 10:00 is due again at 11:00 and
 * fires again before the clock reaches 12:00). Returns when all of it has committed.
 * Moves are serialised: two requests never interleave their steps.
 */
export class TestClockDriver {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly clock: TestClock,
    private readonly store: TimerStore,
    private readonly runner: DueRunner,
    private readonly logger: Logger,
  ) {}

  moveTo(to: Date): Promise<ClockMove> {
    const run = this.#queue.then(() => this.#move(to));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #move(to: Date): Promise<ClockMove> {
    const from = this.clock.now();
    if (to.getTime() < from.getTime()) throw new ClockMovedBackwardsError(from, to);
    const total: RunDueSummary = { fired: 0, stale: 0, busy: 0, early: 0, failed: 0, incident: 0 };
    let steps = 0;
    for (; steps < MAX_STEPS; steps++) {
      const next = await this.store.nextDueUpTo(to);
      if (!next) break;
      if (next.getTime() > this.clock.now().getTime()) this.clock.set(next);
      const s = await this.runner.runDue(this.clock.now());
      add(total, s);
      // Nothing claimable moved (rows in back-off): stepping again would spin.
      if (Object.values(s).every((n) => n === 0)) break;
    }
    if (steps === MAX_STEPS) this.logger.warn({ from: from.toISOString(), to: to.toISOString() }, 'test clock move hit its step limit; the rest fires at the end');
    this.clock.set(to);
    add(total, await this.runner.runDue(to));
    this.logger.info({ from: from.toISOString(), now: to.toISOString(), ...total }, 'test clock moved');
    return { from, now: to, timers: total };
  }
}

function add(total: RunDueSummary, s: RunDueSummary): void {
  for (const k of Object.keys(total) as Array<keyof RunDueSummary>) total[k] += s[k];
}
