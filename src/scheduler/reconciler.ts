import type { Logger } from 'pino';
import type { Clock } from '../clock/index.js';
import type { TimerDelivery } from './timer-delivery.js';
import type { TimerStore } from './timer-store.js';

export interface ReconcilerOptions {
  delivery: TimerDelivery;
  store: TimerStore;
  clock: Clock;
  logger: Logger;
  /** Between passes (real time); 0 runs only the pass at start. */
  intervalMs: number;
}

/**
 * PostgreSQL is the truth and the delivery only an accelerator: at start and then at an
 * interval, hand the delivery every pending timer again. After a Redis flush or crash, a lost
 * commit notice, or a job whose tries ran out, this is what makes the timer fire anyway;
 * enqueueing a timer the queue already holds is a no-op (same job id). It also closes the
 * incidents of timers that no longer exist.
 */
export class Reconciler {
  #interval: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  constructor(private readonly o: ReconcilerOptions) {}

  async start(): Promise<void> {
    await this.run();
    if (this.o.intervalMs > 0) {
      this.#interval = setInterval(() => void this.run(), this.o.intervalMs);
      this.#interval.unref();
    }
  }

  /** One pass; overlapping calls share the pass in progress. */
  run(): Promise<number> {
    this.#running ??= this.#pass()
      .catch((err: unknown) => {
        this.o.logger.error({ err, delivery: this.o.delivery.kind }, 'timer reconciliation failed; next pass will retry');
        return 0;
      })
      .finally(() => {
        this.#running = undefined;
      });
    return this.#running;
  }

  async #pass(): Promise<number> {
    const count = await this.o.delivery.reconcile();
    const resolved = await this.o.store.resolveOrphanIncidents(this.o.clock.now());
    if (count > 0 || resolved > 0) this.o.logger.debug({ count, resolved, delivery: this.o.delivery.kind }, 'timers reconciled');
    return count;
  }

  async stop(): Promise<void> {
    clearInterval(this.#interval);
    this.#interval = undefined;
    await this.#running;
  }
}
