/**
 * Durable BPMN timers. The engine writes every armed timer as a `timer_job` row in the same
 * transaction as the wait state (PostgreSQL is the truth); this module makes them fire.
 *
 * - Delivery: BullMQ delayed jobs when REDIS_URL is set (job id = timer id + due time, any
 *   number of processes share one queue), otherwise an in-process loop over the table
 *   (`FOR UPDATE SKIP LOCKED` + lease, so processes sharing PostgreSQL share the work).
 * - A reconciler at start and at an interval hands the delivery every pending timer again,
 *   so a Redis flush or a lost notice costs latency, never a timer.
 * - A firing is one engine command guarded by the row still existing with the same due time:
 *   a firing that lost the race to a task completion, or arrives after the element was left,
 *   is a no-op. Engine errors count attempts on the row and end in a `failedJob` incident.
 * - Timer start events: `startJobs.onDefinitionsChanged` (hooked into deployments) keeps one
 *   definition-level `timer_job` row per timer start event of each key's latest version; when
 *   due, its firing starts an instance and advances a cycle, in one transaction.
 * - With a TestClock, `moveTestClock(to)` walks the clock through each due time and returns
 *   when everything that became due has committed (the `/api/clock` route uses it).
 *
 *   const scheduler = new TimerScheduler({ host, dataSource, clock, logger, nodeId, redisUrl });
 *   await scheduler.start();            // listens to host 'committed', reconciles
 *   await scheduler.stop();             // before closing the database
 */
export { TimerScheduler, type TimerSchedulerOptions } from './timer-scheduler.js';
export type { FireOutcome, FiringReport } from './fire-timer.js';
export type { RunDueSummary } from './due-runner.js';
export type { ClockMove } from './test-clock-driver.js';
export type { TimerJob, ClaimedTimer } from './timer-store.js';
export { jobIdOf } from './bullmq-scheduler.js';
export { TestClockRequiredError, InvalidClockRequestError, InvalidTimerStartError, StartEventNotArmedError } from './errors.js';
export type { TimerStartJobs, DefinitionChange } from './timer-start-jobs.js';
