import { Queue, Worker, DelayedError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Clock } from '../clock/index.js';
import type { FireOutcome, TimerFiring } from './fire-timer.js';
import type { TimerJob, TimerStore } from './timer-store.js';
import type { TimerDelivery } from './timer-delivery.js';

export interface BullMqSchedulerOptions {
  redisUrl: string;
  /** Queue name; one queue per database (tests: per schema). BullMQ forbids ':' in it. */
  queueName: string;
  /** Redis key prefix (BullMQ's default is `bull`). */
  prefix?: string;
  firing: TimerFiring;
  store: TimerStore;
  clock: Clock;
  logger: Logger;
  /** Jobs this process works on at once. */
  concurrency: number;
  /** The reconciler re-enqueues timers due up to this far ahead; later ones in later passes. */
  horizonMs: number;
  /** BullMQ's back-off between tries of a failed or busy timer. */
  retryDelayMs: number;
  /** Tries per job; PostgreSQL's `attempts` column decides when a timer gets an incident. */
  attempts: number;
  /** Drop the queue's keys on stop (a test's queue dies with its database schema). */
  removeQueueOnStop?: boolean;
}

interface JobData {
  timerId: string;
  /** ISO 8601; the due time this job was scheduled for, so a moved deadline makes it stale. */
  dueAt: string;
}

/**
 * Delivery through BullMQ delayed jobs: every process runs a Worker on one shared queue, so
 * any number of them share the work. A job's id is the timer id plus its due time, so
 * enqueueing the same timer twice (a commit notice and a reconciler pass) is harmless, and a
 * timer whose due time moved gets a job of its own while the old one turns stale.
 *
 * The delay is computed from the injected clock. On a test clock that delay means nothing
 * (the clock jumps), so the clock API fires due timers straight from the table instead; the
 * jobs left behind find their rows gone and end as no-ops.
 */
export class BullMqScheduler implements TimerDelivery {
  readonly kind = 'bullmq' as const;
  #queue: Queue<JobData> | undefined;
  #worker: Worker<JobData, FireOutcome> | undefined;

  constructor(private readonly o: BullMqSchedulerOptions) {}

  async start(): Promise<void> {
    const connection = { url: this.o.redisUrl, maxRetriesPerRequest: null };
    const prefix = this.o.prefix ? { prefix: this.o.prefix } : {};
    this.#queue = new Queue<JobData>(this.o.queueName, { connection, ...prefix });
    this.#queue.on('error', (err) => this.o.logger.error({ err, queue: this.o.queueName }, 'timer queue error'));
    this.#worker = new Worker<JobData, FireOutcome>(this.o.queueName, (job, token) => this.#process(job, token), {
      connection,
      ...prefix,
      concurrency: this.o.concurrency,
    });
    this.#worker.on('error', (err) => this.o.logger.error({ err, queue: this.o.queueName }, 'timer worker error'));
    await Promise.all([this.#queue.waitUntilReady(), this.#worker.waitUntilReady()]);
  }

  async deliver(jobs: TimerJob[]): Promise<void> {
    if (jobs.length === 0 || !this.#queue) return;
    const now = this.o.clock.now().getTime();
    await this.#queue.addBulk(
      jobs.map((j) => ({
        name: 'fire',
        data: { timerId: j.id, dueAt: j.dueAt.toISOString() },
        opts: {
          jobId: jobIdOf(j),
          delay: Math.max(0, j.dueAt.getTime() - now),
          attempts: this.o.attempts,
          backoff: { type: 'fixed', delay: this.o.retryDelayMs },
          // Kept jobs would block the reconciler's re-enqueue (same id); PostgreSQL keeps the record.
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  async reconcile(): Promise<number> {
    let count = 0;
    for await (const page of this.o.store.pending(new Date(this.o.clock.now().getTime() + this.o.horizonMs))) {
      await this.deliver(page);
      count += page.length;
    }
    return count;
  }

  async stop(): Promise<void> {
    await this.#worker?.close();
    if (this.o.removeQueueOnStop) await this.#queue?.obliterate({ force: true });
    await this.#queue?.close();
    this.#worker = undefined;
    this.#queue = undefined;
  }

  async #process(job: Job<JobData, FireOutcome>, token?: string): Promise<FireOutcome> {
    const timer = { id: job.data.timerId, dueAt: new Date(job.data.dueAt) };
    const outcome = await this.o.firing.fire(timer);
    switch (outcome) {
      case 'early': {
        // Another node's clock ran ahead of ours: wait out the difference, then try again.
        const wait = Math.max(1, timer.dueAt.getTime() - this.o.clock.now().getTime());
        await job.moveToDelayed(Date.now() + wait, token);
        throw new DelayedError();
      }
      case 'failed':
      case 'busy':
        // BullMQ retries after its back-off; when its tries run out the reconciler enqueues again.
        throw new Error(`timer ${timer.id} ${outcome}; retrying`);
      default:
        return outcome;
    }
  }
}

export function jobIdOf(job: TimerJob): string {
  return `${job.id}@${job.dueAt.getTime()}`;
}
