/** The one source of "now" for the engine, the scheduler, due dates and history. */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
