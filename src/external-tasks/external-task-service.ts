import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Clock } from '../clock/index.js';
import type { CommandOutcome, EngineHost } from '../engine/index.js';
import { AsyncResponseTimeoutTooLongError } from './errors.js';
import { lockAvailableTasks, releaseTasks } from './fetch-and-lock.js';
import { IncidentQueries } from './incidents.js';
import { LongPolls } from './long-poll.js';
import { ExternalTaskQueries } from './queries.js';
import type { FetchAndLockRequest, LockedExternalTask } from './types.js';
import { WorkerCommands } from './worker-commands.js';

/** Camunda refuses longer holds with the same limit (30 minutes). */
export const MAX_ASYNC_RESPONSE_TIMEOUT = 1_800_000;

export interface ExternalTaskServiceOptions {
  dataSource: DataSource;
  host: EngineHost;
  clock: Clock;
  logger: Logger;
  /** Most fetchAndLock requests held at once (default 1000). */
  maxHeldRequests?: number;
  /** How often held requests are re-tried regardless of notices, in ms (default 5000). */
  sweepIntervalMs?: number;
}

export interface FetchOptions {
  /** True once the HTTP client hung up: nothing more is locked for it. */
  isAbandoned?: () => boolean;
}

/**
 * Camunda 7 external tasks over the engine's `external_task` rows: fetch-and-lock with leases
 * on the service clock and long polling, and the worker and operator commands.
 */
export class ExternalTaskService {
  readonly commands: WorkerCommands;
  readonly queries: ExternalTaskQueries;
  readonly incidents: IncidentQueries;
  readonly #polls: LongPolls<LockedExternalTask>;
  readonly #o: ExternalTaskServiceOptions;
  readonly #onCommitted = (outcome: CommandOutcome) => {
    if (outcome.externalTopics.length > 0) this.#polls.wake(outcome.externalTopics);
  };

  constructor(options: ExternalTaskServiceOptions) {
    this.#o = options;
    this.#polls = new LongPolls({ logger: options.logger, maxHeld: options.maxHeldRequests ?? 1000, sweepIntervalMs: options.sweepIntervalMs ?? 5000 });
    this.commands = new WorkerCommands(options.dataSource, options.host, options.clock, (topic) => this.#polls.wake([topic]));
    this.queries = new ExternalTaskQueries(options.dataSource, options.clock);
    this.incidents = new IncidentQueries(options.dataSource);
    options.host.events.on('committed', this.#onCommitted);
  }

  /**
   * Locks fetchable tasks for the worker. With `asyncResponseTimeout` and nothing to lock, the
   * request is held until tasks appear or the timeout elapses (then `[]`).
   */
  async fetchAndLock(request: FetchAndLockRequest, options: FetchOptions = {}): Promise<LockedExternalTask[]> {
    const timeout = request.asyncResponseTimeout;
    if (timeout !== undefined && timeout > MAX_ASYNC_RESPONSE_TIMEOUT) throw new AsyncResponseTimeoutTooLongError(timeout, MAX_ASYNC_RESPONSE_TIMEOUT);
    const isAbandoned = options.isAbandoned ?? (() => false);
    const since = this.#polls.generation;
    const attempt = () => lockAvailableTasks(this.#o.dataSource, this.#o.clock, request);
    const tasks = await attempt();
    if (tasks.length > 0 || !timeout || request.maxTasks <= 0 || isAbandoned()) return tasks;
    return this.#polls.hold(
      {
        topics: new Set(request.topics.map((t) => t.topicName)),
        attempt,
        isAbandoned,
        release: (locked) => void this.release(locked, request.workerId),
      },
      timeout,
      since,
    );
  }

  /** Gives back tasks locked for a client that can no longer receive them. */
  async release(tasks: LockedExternalTask[], workerId: string): Promise<void> {
    try {
      await releaseTasks(this.#o.dataSource, tasks.map((t) => t.id), workerId);
      this.#polls.wake(new Set(tasks.map((t) => t.topicName)));
    } catch (err) {
      // The lease runs out by itself; losing this early release only delays the tasks.
      this.#o.logger.warn({ err, tasks: tasks.map((t) => t.id) }, 'could not release external tasks of an abandoned poll');
    }
  }

  /** Re-tries held polls now (all topics when omitted), e.g. after the test clock moved. */
  wake(topics?: string[]): void {
    this.#polls.wake(topics);
  }

  /** Held requests right now (for metrics and tests). */
  get heldRequests(): number {
    return this.#polls.held;
  }

  /** Answers held polls with `[]` and stops the sweep; call before the HTTP server closes. */
  close(): void {
    this.#o.host.events.off('committed', this.#onCommitted);
    this.#polls.close();
  }
}
