import type { BusinessCalendar } from './business-calendar.js';
import type { SqlRunner } from './calendar-overrides.js';
import type { CalendarService } from './calendar-service.js';
import { CalendarNotLoadedError } from './errors.js';

interface Entry {
  revision: number;
  calendar: BusinessCalendar;
}

/**
 * The bridge between the asynchronous store and the synchronous expression functions: one
 * BusinessCalendar per region, loaded before an engine command runs (`load`) and read during
 * it (`get`). Each `load` asks the store for the region's revision, one primary-key read, and
 * rebuilds the calendar only when it moved; since every edit bumps the revision, an
 * administrator's edit reaches the next command in every process, not just the one that
 * served the edit. Regions are few (one per county office), so nothing is ever evicted.
 */
export class CalendarCache {
  readonly #service: CalendarService;
  readonly #entries = new Map<string, Entry>();

  constructor(service: CalendarService) {
    this.#service = service;
  }

  /**
   * The region's calendar as of its latest revision. `db`: read through this connection (the
   * engine command's transaction). Concurrent loads are not merged on purpose: each reads
   * through its own transaction, so one command's failing transaction never fails another.
   */
  async load(region: string, db?: SqlRunner): Promise<BusinessCalendar> {
    const cached = this.#entries.get(region);
    if (cached && cached.revision === (await this.#service.overrides.revision(region, db))) return cached.calendar;
    const calendar = await this.#service.forRegion(region, db);
    const current = this.#entries.get(region);
    // Two loads racing: keep the newer snapshot.
    if (!current || current.revision <= calendar.revision) this.#entries.set(region, { revision: calendar.revision, calendar });
    return calendar;
  }

  /** The calendar the last `load` of the region produced; throws CalendarNotLoadedError if none. */
  get(region: string): BusinessCalendar {
    const entry = this.#entries.get(region);
    if (!entry) throw new CalendarNotLoadedError(region);
    return entry.calendar;
  }

  /** Drops a region (or all), so its next load reads the store even if the revision is unchanged. */
  invalidate(region?: string): void {
    if (region === undefined) this.#entries.clear();
    else this.#entries.delete(region);
  }
}
