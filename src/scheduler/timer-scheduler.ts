import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { isTestClock, type Clock } from '../clock/index.js';
import type { CommandOutcome, EngineHost } from '../engine/index.js';
import { BullMqScheduler } from './bullmq-scheduler.js';
import { DueRunner, type RunDueSummary } from './due-runner.js';
import { TimerFiring } from './fire-timer.js';
import { StartTimerFiring } from './fire-start-timer.js';
import { TimerStartJobs } from './timer-start-jobs.js';
import { InProcessScheduler } from './in-process-scheduler.js';
import { Reconciler } from './reconciler.js';
import { TestClockDriver, type ClockMove } from './test-clock-driver.js';
import { TimerStore, type TimerJob } from './timer-store.js';
import type { TimerDelivery } from './timer-delivery.js';
import { TestClockRequiredError } from './errors.js';

export interface TimerSchedulerOptions {
  host: EngineHost;
  dataSource: DataSource;
  clock: Clock;
  logger: Logger;
  nodeId: string;
  /** With it, BullMQ delivers; without it, the in-process loop does. */
  redisUrl?: string;
  queueName?: string;
  queuePrefix?: string;
  removeQueueOnStop?: boolean;
  /** Firing lease; a node that dies mid-firing gives the timer up after this. */
  leaseMs?: number;
  /** Failed firings before an incident (Camunda's default job retries: 3). */
  maxAttempts?: number;
  retryDelayMs?: number;
  pollIntervalMs?: number;
  reconcileIntervalMs?: number;
  reconcileHorizonMs?: number;
  batchSize?: number;
  /** Parallel firings per process (instances; one instance's timers never run in parallel). */
  concurrency?: number;
}

/**
 * Durable timers, end to end: the engine writes due times into `timer_job` in the same
 * transaction as the wait state; this fires them. After each commit the armed timers go to
 * the delivery (BullMQ or the in-process loop), a reconciler repairs what a delivery lost,
 * and every firing is an idempotent engine command (fire-timer.ts).
 */
export class TimerScheduler {
  readonly kind: TimerDelivery['kind'];
  readonly store: TimerStore;
  readonly firing: TimerFiring;
  /** Timer start jobs: kept in step with deployments (hook it into DeploymentService). */
  readonly startJobs: TimerStartJobs;
  readonly #runner: DueRunner;
  readonly #delivery: TimerDelivery;
  readonly #reconciler: Reconciler;
  readonly #driver: TestClockDriver | undefined;
  readonly #notices = new Set<Promise<void>>();
  readonly #o: TimerSchedulerOptions;
  readonly #logger: Logger;
  #started = false;

  constructor(o: TimerSchedulerOptions) {
    this.#o = o;
    const logger = (this.#logger = o.logger.child({ module: 'scheduler' }));
    const retryDelayMs = o.retryDelayMs ?? 10_000;
    const maxAttempts = o.maxAttempts ?? 3;
    const leaseMs = o.leaseMs ?? 60_000;
    this.store = new TimerStore({ dataSource: o.dataSource, nodeId: o.nodeId, leaseMs, maxAttempts });
    const starts = new StartTimerFiring({ host: o.host, dataSource: o.dataSource, nodeId: o.nodeId });
    this.firing = new TimerFiring({ host: o.host, store: this.store, clock: o.clock, logger, nodeId: o.nodeId, retryDelayMs, starts });
    this.startJobs = new TimerStartJobs({ host: o.host, clock: o.clock, deliver: (jobs) => this.#handOver(jobs, {}) });
    this.#runner = new DueRunner({ store: this.store, firing: this.firing, logger, batchSize: o.batchSize ?? 100, concurrency: o.concurrency ?? 4, parkMs: leaseMs });
    this.#delivery = o.redisUrl
      ? new BullMqScheduler({
          redisUrl: o.redisUrl,
          queueName: o.queueName ?? 'suqiu-timers',
          prefix: o.queuePrefix,
          removeQueueOnStop: o.removeQueueOnStop,
          firing: this.firing,
          store: this.store,
          clock: o.clock,
          logger,
          concurrency: o.concurrency ?? 4,
          horizonMs: o.reconcileHorizonMs ?? 10 * 60_000,
          retryDelayMs,
          attempts: maxAttempts + 2,
        })
      : new InProcessScheduler({ runner: this.#runner, store: this.store, clock: o.clock, logger, pollIntervalMs: o.pollIntervalMs ?? 5_000, driven: isTestClock(o.clock) });
    this.kind = this.#delivery.kind;
    this.#reconciler = new Reconciler({ delivery: this.#delivery, store: this.store, clock: o.clock, logger, intervalMs: o.reconcileIntervalMs ?? 60_000 });
    this.#driver = isTestClock(o.clock) ? new TestClockDriver(o.clock, this.store, this.#runner, logger) : undefined;
  }

  /** Starts delivering: listens for commits, then reconciles once (and at the interval). */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    // Listening first: a firing by this node's worker as soon as it starts (an overdue timer
    // another node enqueued) announces its next occurrence, which may lie beyond the
    // reconciler's horizon, so that notice must not be missed.
    this.#o.host.events.on('committed', this.#onCommitted);
    await this.#delivery.start();
    await this.#reconciler.start();
  }

  /** Fires every timer due at `now`; resolves when all of them have committed. */
  runDue(now: Date = this.#o.clock.now()): Promise<RunDueSummary> {
    return this.#runner.runDue(now);
  }

  /** One reconciliation pass now (also runs at start and at the interval). */
  reconcile(): Promise<number> {
    return this.#reconciler.run();
  }

  /** TEST_CLOCK only: moves the clock forward, firing each timer at its due time on the way. */
  moveTestClock(to: Date): Promise<ClockMove> {
    if (!this.#driver) return Promise.reject(new TestClockRequiredError());
    return this.#driver.moveTo(to);
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    this.#o.host.events.off('committed', this.#onCommitted);
    await this.#reconciler.stop();
    await Promise.all(this.#notices);
    await this.#delivery.stop();
  }

  #onCommitted = (outcome: CommandOutcome): void => {
    if (outcome.timers.length === 0) return;
    this.#handOver(outcome.timers, { processInstanceId: outcome.instanceId });
  };

  /**
   * Committed timers to the delivery. Before start() (schemes deployed while the service
   * boots) the delivery ignores them, and the reconciliation in start() picks them up.
   */
  #handOver(jobs: TimerJob[], log: Record<string, unknown>): void {
    if (jobs.length === 0) return;
    const notice = this.#delivery
      .deliver(jobs)
      .catch((err: unknown) => {
        this.#logger.warn({ err, ...log, timerIds: jobs.map((t) => t.id) }, 'timers not handed to the delivery; the reconciler will');
      })
      .finally(() => this.#notices.delete(notice));
    this.#notices.add(notice);
  }
}
