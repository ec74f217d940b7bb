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
