import type { Clock } from '../clock/index.js';
import { BusinessCalendar } from './business-calendar.js';
import type { CalendarOverrides } from './calendar-overrides.js';
import { chineseDaysHolidaySource, type HolidaySource } from './holiday-source.js';
import type { CalendarStatus } from './schemas.js';

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

  async forRegion(region: string): Promise<BusinessCalendar> {
    return new BusinessCalendar(this.source, await this.overrides.snapshot(region));
  }

  /** The body of GET /api/calendar/status for one region, relative to the injected clock. */
  async status(region: string): Promise<CalendarStatus> {
    return (await this.forRegion(region)).status(this.#clock.now());
  }
}
