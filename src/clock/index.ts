/**
 * Time, injected. Every module takes a `Clock` instead of calling `Date.now()`, so tests and
 * the `TEST_CLOCK=1` mode can move time and see deadlines fire without waiting.
 *
 *   const clock = config.testClock ? new TestClock(start) : new SystemClock();
 *   clock.now();
 */
export type { Clock } from './clock.js';
export { SystemClock } from './clock.js';
export { TestClock, isTestClock } from './test-clock.js';
export { ClockMovedBackwardsError } from './errors.js';
