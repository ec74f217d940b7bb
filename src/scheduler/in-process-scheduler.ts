import type { Logger } from 'pino';
import type { Clock } from '../clock/index.js';
import type { DueRunner } from './due-runner.js';
import type { TimerJob, TimerStore } from './timer-store.js';
import type { TimerDelivery } from './timer-delivery.js';

export interface InProcessSchedulerOptions {
  runner: DueRunner;
  store: TimerStore;
  clock: Clock;
  logger: Logger;
  /** Longest sleep between looks at the table (timers armed by other nodes, back-offs). */
  pollIntervalMs: number;
  /**
   * On a test clock the loop never sleeps towards a due time: the clock API moves time and
   * fires what became due. It still runs when a timer is already due (e.g. after a restart).
   */
  driven: boolean;
}

/** setTimeout's ceiling; longer sleeps are cut to the poll interval anyway. */
const MAX_DELAY_MS = 2 ** 31 - 1;
const MIN_DELAY_MS = 5;

/**
 * Delivery without Redis: one loop per process that fires everything due (through the
 * DueRunner, which claims rows with `FOR UPDATE SKIP LOCKED` and a lease, so several
 * processes on one PostgreSQL share the table), then sleeps until the next due time on the
 * injected clock, at most `pollIntervalMs`. A commit that arms an earlier timer wakes it.
 */
export class InProcessScheduler implements TimerDelivery {
  readonly kind = 'in-process' as const;
  #stopped = true;
  #timer: NodeJS.Timeout | undefined;
  #wakeAt = Infinity;
  /** Earliest wake asked for while a tick was running; applied when it ends. */
  #pendingAt = Infinity;
  #tick: Promise<void> | undefined;

  constructor(private readonly o: InProcessSchedulerOptions) {}

  async start(): Promise<void> {
    this.#stopped = false;
    this.#wake(0);
  }

  async deliver(jobs: TimerJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const earliest = Math.min(...jobs.map((j) => j.dueAt.getTime()));
    const delay = earliest - this.o.clock.now().getTime();
    if (this.o.driven && delay > 0) return;
    this.#wake(Math.max(0, delay));
  }

  /** Everything is read from the table on each tick, so reconciling is just looking now. */
  async reconcile(): Promise<number> {
    this.#wake(0);
    return 0;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#tick;
  }

  #wake(delayMs: number): void {
    if (this.#stopped) return;
    // Sleeping is real time: the delay was computed on the injected clock by the caller.
    const at = Date.now() + delayMs;
    if (this.#tick) {
      this.#pendingAt = Math.min(this.#pendingAt, at);
      return;
    }
    if (at >= this.#wakeAt) return;
    clearTimeout(this.#timer);
    this.#wakeAt = at;
    this.#timer = setTimeout(() => this.#run(), Math.min(delayMs, MAX_DELAY_MS));
  }

  #run(): void {
    this.#timer = undefined;
    this.#wakeAt = Infinity;
    let nextDelay: number | undefined;
    this.#tick = (async () => {
      try {
        await this.o.runner.runDue(this.o.clock.now());
        if (!this.o.driven && !this.#stopped) nextDelay = await this.#nextDelay();
      } catch (err) {
        this.o.logger.error({ err }, 'timer poll failed; retrying at the next interval');
        nextDelay = this.o.pollIntervalMs;
      }
    })().finally(() => {
      this.#tick = undefined;
      const pending = this.#pendingAt;
      this.#pendingAt = Infinity;
      if (pending !== Infinity) nextDelay = Math.min(nextDelay ?? Infinity, Math.max(0, pending - Date.now()));
      if (nextDelay !== undefined) this.#wake(nextDelay);
    });
  }

  async #nextDelay(): Promise<number> {
    const next = await this.o.store.nextWake();
    if (!next) return this.o.pollIntervalMs;
    const delay = next.getTime() - this.o.clock.now().getTime();
    return Math.min(this.o.pollIntervalMs, Math.max(MIN_DELAY_MS, delay));
  }
}
