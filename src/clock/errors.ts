/** Thrown when a test clock is asked to move to an instant before its current time. */
export class ClockMovedBackwardsError extends Error {
  override readonly name = 'ClockMovedBackwardsError';
  constructor(
    readonly current: Date,
    readonly requested: Date,
  ) {
    super(`the clock only moves forward: it is ${current.toISOString()}, ${requested.toISOString()} is earlier`);
  }
}
