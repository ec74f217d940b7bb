import type { DayOverride, LocalDate, RegionSettings, RegionSettingsPatch, YearScheduleInput } from './schemas.js';
import type { YearSchedule } from './year-schedule.js';

/** A connection or transaction to read through (TypeORM's DataSource and EntityManager fit). */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Everything a region changes on top of the national schedule, frozen at one moment, so a
 * BusinessCalendar built from it answers synchronously and consistently for its whole life.
 */
export interface RegionOverridesSnapshot {
  readonly region: string;
  readonly settings: RegionSettings;
  /** Single-day overrides, one per date; they win over any year schedule. */
  readonly days: ReadonlyMap<LocalDate, DayOverride>;
  /** Whole years loaded by administrators (source 'override'); they replace chinese-days for that year. */
  readonly years: ReadonlyMap<number, YearSchedule>;
  /**
   * The region's edit counter when the snapshot was read (0 = never edited); equal revisions
   * mean equal snapshots, which is what CalendarCache relies on.
   */
  readonly revision: number;
}

/**
 * The seam for the database-backed store (and the in-memory one used by tests and the
 * embedded mode). Writers validate with the helpers exported next to this interface
 * (`parseLocalDate`, `yearScheduleFromInput`, `resolveRegionSettings`) so both stores reject
 * the same input with the same error classes. A region with nothing stored has the default
 * settings and no overrides; the store does not decide which regions exist.
 */
export interface CalendarOverrides {
  /**
   * `db`: run the read on this connection, e.g. the engine command's transaction (on embedded
   * PGlite a second connection waits until that transaction ends, i.e. forever). Stores that
   * are not SQL ignore it.
   */
  snapshot(region: string, db?: SqlRunner): Promise<RegionOverridesSnapshot>;

  /**
   * The region's edit counter: goes up with every write of the region (0 when never edited).
   * One cheap read, so a cache can ask on every command whether its snapshot is still current,
   * also when another process made the edit.
   */
  revision(region: string, db?: SqlRunner): Promise<number>;

  /** Regions that have ever been edited, sorted. */
  regions(): Promise<string[]>;

  /** Adds or replaces the override for `override.date` (holiday, make-up working day, or back to normal). */
  setDay(region: string, override: DayOverride): Promise<void>;
  /** Removes the override for a date; resolves false when there was none. */
  clearDay(region: string, date: LocalDate): Promise<boolean>;

  /** Stores a whole year's schedule, replacing any earlier one for that region and year. */
  loadYear(region: string, schedule: YearScheduleInput): Promise<YearSchedule>;
  /** Removes a loaded year (chinese-days applies again, if it covers the year); false when there was none. */
  deleteYear(region: string, year: number): Promise<boolean>;

  /** Merges a patch into the region's settings and resolves the validated result. */
  updateSettings(region: string, patch: RegionSettingsPatch): Promise<RegionSettings>;
}
