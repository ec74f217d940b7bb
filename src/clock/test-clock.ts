import type { Clock } from './clock.js';
import { ClockMovedBackwardsError } from './errors.js';

/**
 * A clock that only moves when told to. Tests (and `TEST_CLOCK=1` services) use it so a
 * five-working-day deadline can be crossed without waiting five days. It never goes back:
 * timers that already fired cannot be "un-fired", so going back would make history lie.
 */
export class TestClock implements Clock {
  #now: number;

  constructor(start: Date) {
    this.#now = start.getTime();
  }

  now(): Date {
    return new Date(this.#now);
  }

  set(to: Date): void {
    if (to.getTime() < this.#now) throw new ClockMovedBackwardsError(new Date(this.#now), to);
    this.#now = to.getTime();
  }

  advance(ms: number): Date {
    this.set(new Date(this.#now + ms));
    return this.now();
  }
}

export function isTestClock(clock: Clock): clock is TestClock {
  return clock instanceof TestClock;
}
