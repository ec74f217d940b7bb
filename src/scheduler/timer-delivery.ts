import type { TimerJob } from './timer-store.js';

/**
 * How due times reach a firing: BullMQ delayed jobs (with Redis) or the in-process loop.
 * PostgreSQL stays the truth either way; a delivery may lose a notice (Redis flushed, process
 * killed) because the reconciler hands it every pending timer again.
 */
export interface TimerDelivery {
  readonly kind: 'bullmq' | 'in-process';
  start(): Promise<void>;
  /** Makes sure these timers fire at their due time; harmless when they already will. */
  deliver(jobs: TimerJob[]): Promise<void>;
  /** Hands over again whatever the table holds that the delivery may lack; returns how many. */
  reconcile(): Promise<number>;
  /** Stops taking work and waits for firings in progress to commit. */
  stop(): Promise<void>;
}
