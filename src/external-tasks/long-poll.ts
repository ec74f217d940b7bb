/**
 * Held fetchAndLock requests (long polling). A held request is only a promise and a timer: no
 * connection or transaction is kept while it waits. It is re-tried, one waiter at a time in
 * arrival order, when
 *  - a command committed new tasks of one of its topics (EngineHost `committed`),
 *  - a task of its topics became fetchable again (unlock, failure, retries set),
 *  - the periodic sweep runs (locks and retry timeouts that ran out on the clock, tasks
 *    created by another service node),
 * and answered `[]` when its timeout elapses or the service closes.
 */
import type { Logger } from 'pino';

export interface HeldRequest<T> {
  topics: ReadonlySet<string>;
  /** Tries to lock tasks for the request; [] = nothing yet. */
  attempt(): Promise<T[]>;
  /** True once the client has hung up: the request is dropped before anything is locked for it. */
  isAbandoned(): boolean;
  /** Gives back tasks an attempt locked after the request had already been answered (timeout, close). */
  release(tasks: T[]): void;
}

interface Waiter<T> extends HeldRequest<T> {
  resolve(tasks: T[]): void;
  reject(err: unknown): void;
  timer: NodeJS.Timeout;
}

export interface LongPollOptions {
  logger: Logger;
  /** Most requests held at once; beyond that a request is answered at once (Camunda: 200). */
  maxHeld: number;
  /** Re-try every held request this often (ms). */
  sweepIntervalMs: number;
}

export class LongPolls<T> {
  readonly #waiters = new Set<Waiter<T>>();
  readonly #pendingTopics = new Set<string>();
  #pendingAll = false;
  #draining = false;
  #closed = false;
  /** Bumped on every wake, so a request that missed a wake while registering notices it. */
  #generation = 0;
  readonly #sweep: NodeJS.Timeout;

  constructor(private readonly o: LongPollOptions) {
    this.#sweep = setInterval(() => this.wake(), o.sweepIntervalMs);
    this.#sweep.unref();
  }

  get generation(): number {
    return this.#generation;
  }

  get held(): number {
    return this.#waiters.size;
  }

  /**
   * Holds `request` up to `timeoutMs`. `since` is the generation read before the caller's own
   * first attempt: a wake in between re-tries the request at once.
   */
  hold(request: HeldRequest<T>, timeoutMs: number, since: number): Promise<T[]> {
    if (this.#closed || this.#waiters.size >= this.o.maxHeld) {
      if (!this.#closed) this.o.logger.warn({ held: this.#waiters.size }, 'too many held fetchAndLock requests; answering at once');
      return Promise.resolve([]);
    }
    return new Promise<T[]>((resolve, reject) => {
      const waiter: Waiter<T> = {
        ...request,
        resolve,
        reject,
        timer: setTimeout(() => this.#settle(waiter, []), timeoutMs),
      };
      this.#waiters.add(waiter);
      if (this.#generation !== since) this.wake(request.topics);
    });
  }

  /** Re-tries the held requests of `topics` (all of them when omitted). */
  wake(topics?: Iterable<string>): void {
    if (this.#closed) return;
    this.#generation++;
    if (topics === undefined) this.#pendingAll = true;
    else for (const t of topics) this.#pendingTopics.add(t);
    if (this.#waiters.size > 0) void this.#drain();
    else this.#clearPending();
  }

  /** Answers every held request with `[]`; later requests are answered at once. */
  close(): void {
    this.#closed = true;
    clearInterval(this.#sweep);
    for (const w of [...this.#waiters]) this.#settle(w, []);
  }

  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#pendingAll || this.#pendingTopics.size > 0) {
        const all = this.#pendingAll;
        const topics = new Set(this.#pendingTopics);
        this.#clearPending();
        for (const w of [...this.#waiters]) {
          if (!this.#waiters.has(w)) continue;
          if (w.isAbandoned()) {
            this.#settle(w, []);
            continue;
          }
          if (!all && ![...w.topics].some((t) => topics.has(t))) continue;
          try {
            const tasks = await w.attempt();
            if (tasks.length > 0 && !this.#settle(w, tasks)) w.release(tasks);
          } catch (err) {
            this.#waiters.delete(w);
            clearTimeout(w.timer);
            w.reject(err);
          }
        }
      }
    } finally {
      this.#draining = false;
    }
  }

  #clearPending(): void {
    this.#pendingAll = false;
    this.#pendingTopics.clear();
  }

  /** False when the request was already answered. */
  #settle(w: Waiter<T>, tasks: T[]): boolean {
    if (!this.#waiters.delete(w)) return false;
    clearTimeout(w.timer);
    w.resolve(tasks);
    return true;
  }
}
