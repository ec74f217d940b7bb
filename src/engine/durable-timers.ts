import type { Clock } from '../clock/index.js';

/** A timer the engine armed. `owner` is the timer content bpmn-elements registered. */
export interface TimerRef {
  timerId: string;
  owner: TimerOwner | null;
  callback: (...args: unknown[]) => void;
  args: unknown[];
  delay: number;
  expireAt: Date;
}

export interface TimerOwner {
  id: string;
  executionId: string;
  timerType?: 'timeDuration' | 'timeDate' | 'timeCycle';
  timeDuration?: string;
  timeDate?: string;
  timeCycle?: string;
  expireAt?: Date | string;
  repeat?: number;
  parent?: { id: string; executionId: string };
}

/** A timer as the `timer_job` table wants it. */
export interface PendingTimer {
  activityId: string;
  executionId: string;
  timerType: string;
  timerValue: string | null;
  repeat: number | null;
  dueAt: Date;
}

/**
 * bpmn-elements' `timers` seam, recording instead of arming: PostgreSQL holds every due time
 * (the `timer_job` table) and the scheduler fires it by calling the ref's callback on a freshly
 * recovered engine. Nothing here calls `setTimeout`, so an engine can be stopped and forgotten
 * the moment it reaches a wait state.
 *
 * `executing` must exist even though bpmn-elements' types don't require it: `Engine.stop()`
 * iterates it.
 */
export class DurableTimers {
  #executing = new Set<TimerRef>();
  #count = 0;

  constructor(private readonly clock: Clock) {
    this.setTimeout = this.setTimeout.bind(this);
    this.clearTimeout = this.clearTimeout.bind(this);
  }

  get executing(): TimerRef[] {
    return [...this.#executing];
  }

  register(owner: TimerOwner) {
    return {
      setTimeout: (callback: TimerRef['callback'], delay: number, ...args: unknown[]) =>
        this.#arm(owner, callback, delay, args),
      clearTimeout: (ref: TimerRef) => this.clearTimeout(ref),
    };
  }

  setTimeout(callback: TimerRef['callback'], delay: number, ...args: unknown[]): TimerRef {
    return this.#arm(null, callback, delay, args);
  }

  clearTimeout(ref: TimerRef | undefined): undefined {
    if (ref) this.#executing.delete(ref);
    return undefined;
  }

  /** Finds the armed timer of one execution, to fire it. */
  find(executionId: string): TimerRef | undefined {
    return this.executing.find((ref) => ref.owner?.executionId === executionId);
  }

  /** Fires a timer now, as if its time had come. */
  fire(ref: TimerRef): void {
    this.#executing.delete(ref);
    ref.callback(...ref.args);
  }

  pending(): PendingTimer[] {
    const result: PendingTimer[] = [];
    for (const ref of this.#executing) {
      const owner = ref.owner;
      if (!owner?.timerType) continue;
      result.push({
        activityId: owner.id,
        executionId: owner.executionId,
        timerType: owner.timerType,
        timerValue: owner[owner.timerType] ?? null,
        repeat: owner.repeat ?? null,
        dueAt: ref.expireAt,
      });
    }
    return result;
  }

  #arm(owner: TimerOwner | null, callback: TimerRef['callback'], delay: number, args: unknown[]): TimerRef {
    const expireAt = owner?.expireAt ? new Date(owner.expireAt) : new Date(this.clock.now().getTime() + delay);
    const ref: TimerRef = { timerId: `timer_${this.#count++}`, owner, callback, args, delay, expireAt };
    this.#executing.add(ref);
    return ref;
  }
}
