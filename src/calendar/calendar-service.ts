import type { Clock } from '../clock/index.js';
import { BusinessCalendar } from './business-calendar.js';
import type { CalendarOverrides, SqlRunner } from './calendar-overrides.js';
import { chineseDaysHolidaySource, type HolidaySource } from './holiday-source.js';
import { toStartInstant } from './calendar-functions.js';
import { parseDeadlineSpec } from './deadline-spec.js';
import { DEFAULT_REGION } from './region-functions.js';
import type { CalendarStatus, DeadlineSpec } from './schemas.js';

/** A deadline computed for a preview (GET /api/calendar/regions/{region}/deadline). */
export interface DeadlinePreview {
  calendar: BusinessCalendar;
  start: Date;
  spec: DeadlineSpec;
  due: Date;
}

export interface CalendarServiceOptions {
  overrides: CalendarOverrides;
  clock: Clock;
  /** Defaults to the schedules published in the chinese-days package. */
  source?: HolidaySource;
}

/**
 * The asynchronous edge of the calendar: loads a region's overrides (from the database in
 * production) and hands back a synchronous BusinessCalendar. It caches nothing, so an
 * administrator's edit is seen by the next forRegion(); a store may cache behind it.
 */
export class CalendarService {
  readonly overrides: CalendarOverrides;
  readonly source: HolidaySource;
  readonly #clock: Clock;

  constructor(options: CalendarServiceOptions) {
    this.overrides = options.overrides;
    this.source = options.source ?? chineseDaysHolidaySource();
    this.#clock = options.clock;
  }

  /** `db`: read through this connection (the engine command's transaction), see CalendarOverrides.snapshot. */
  async forRegion(region: string, db?: SqlRunner): Promise<BusinessCalendar> {
    return new BusinessCalendar(this.source, await this.overrides.snapshot(region, db));
  }

  /** The body of GET /api/calendar/status for one region, relative to the injected clock. */
  async status(region: string): Promise<CalendarStatus> {
    return (await this.forRegion(region)).status(this.#clock.now());
  }

  /**
   * The deadline a diagram would get in `region`: `start` is read as the expression functions
   * read it (an instant with an offset, or 'YYYY-MM-DD' for the region's midnight); without one,
   * the clock's now.
   */
  async deadline(region: string, spec: string | DeadlineSpec, start?: unknown): Promise<DeadlinePreview> {
    const parsed = parseDeadlineSpec(spec);
    const calendar = await this.forRegion(region);
    const from = start === undefined ? this.#clock.now() : toStartInstant(calendar, start);
    return { calendar, start: from, spec: parsed, due: calendar.deadline(from, parsed) };
  }

  /** 'default' and every region an administrator has edited, sorted. */
  async regions(): Promise<string[]> {
    return [...new Set([DEFAULT_REGION, ...(await this.overrides.regions())])].sort();
  }
}
