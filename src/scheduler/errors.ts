/**
 * Errors of the scheduler module. Firing failures are not thrown to callers: they are
 * recorded on the timer row (attempts, error_message) and, at the last attempt, as an
 * incident. What remains are errors of the test clock API.
 */

/** Thrown when the clock is moved on a service that runs on the system clock. */
export class TestClockRequiredError extends Error {
  override readonly name = 'TestClockRequiredError';
  constructor() {
    super('the clock can only be moved when the service runs with TEST_CLOCK=1');
  }
}

/** Thrown when `set` or `advance` of a clock request is not a usable ISO 8601 value. */
export class InvalidClockRequestError extends Error {
  override readonly name = 'InvalidClockRequestError';
  constructor(
    readonly field: 'set' | 'advance',
    readonly value: string,
    readonly reason: string,
  ) {
    super(`${field}: '${value}' ${reason}`);
  }
}

/**
 * Thrown while firing a timer start job when the new instance does not arm that start event's
 * timer (the definition's start event has no timer the engine recognises). The firing counts
 * as failed: retried, then an incident.
 */
export class StartEventNotArmedError extends Error {
  override readonly name = 'StartEventNotArmedError';
  constructor(
    readonly processDefinitionId: string,
    readonly activityId: string,
  ) {
    super(`Start event ${activityId} of ${processDefinitionId} armed no timer when the instance started`);
  }
}

/**
 * Thrown at deployment when a timer start event's value cannot give a due time: it is not
 * ISO 8601, or its expression failed (start timers are evaluated without process variables).
 * The deployment is refused.
 */
export class InvalidTimerStartError extends Error {
  override readonly name = 'InvalidTimerStartError';
  constructor(
    readonly processDefinitionKey: string,
    readonly activityId: string,
    readonly value: string,
    readonly reason: string,
  ) {
    super(`Timer start event ${activityId} of ${processDefinitionKey}: '${value}' ${reason}`);
  }
}
