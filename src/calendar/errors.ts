/**
 * Thrown when a working-day question touches a year for which the region has no holiday
 * schedule: chinese-days has not published it and no administrator has loaded it. The service
 * never falls back to "Monday to Friday", because a wrong deadline is worse than a visible error.
 */
export class CalendarYearNotCoveredError extends Error {
  override readonly name = 'CalendarYearNotCoveredError';
  constructor(
    readonly year: number,
    readonly region: string,
  ) {
    super(
      `no holiday schedule for ${year} in region ${region}; ` +
        `load it with POST /api/calendar/regions/${region}/years (the State Council's notice for ${year})`,
    );
  }
}

/** Thrown when a deadline spec ('5wd', '24h', { amount, unit }, ...) cannot be understood. */
export class InvalidDeadlineSpecError extends Error {
  override readonly name = 'InvalidDeadlineSpecError';
  constructor(
    readonly spec: unknown,
    readonly reason: string,
  ) {
    super(`invalid deadline spec ${describe(spec)}: ${reason}`);
  }
}

/** Thrown when a local date ('YYYY-MM-DD') or a start instant given to the calendar is malformed. */
export class InvalidCalendarDateError extends Error {
  override readonly name = 'InvalidCalendarDateError';
  constructor(
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`invalid calendar date ${describe(value)}: ${reason}`);
  }
}

/** Thrown when a region setting (time zone, end of day) is not valid. */
export class InvalidRegionSettingsError extends Error {
  override readonly name = 'InvalidRegionSettingsError';
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(`invalid region setting ${field}=${describe(value)}: ${reason}`);
  }
}

/** Thrown when a whole-year schedule given by an administrator is inconsistent. */
export class InvalidYearScheduleError extends Error {
  override readonly name = 'InvalidYearScheduleError';
  constructor(
    readonly year: unknown,
    readonly reason: string,
  ) {
    super(`invalid holiday schedule for year ${describe(year)}: ${reason}`);
  }
}

/**
 * Thrown when an expression function asks for a region's calendar that nobody loaded before
 * the engine command started (CalendarCache.load). A wiring bug, not bad input: the engine
 * host loads the calendar of the instance's region before every command.
 */
export class CalendarNotLoadedError extends Error {
  override readonly name = 'CalendarNotLoadedError';
  constructor(readonly region: string) {
    super(`the business calendar of region ${region} was not loaded before the command`);
  }
}

/** Thrown when the data shipped in the chinese-days package does not have the expected shape. */
export class HolidayDataError extends Error {
  override readonly name = 'HolidayDataError';
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`unreadable holiday data from ${source}: ${reason}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
