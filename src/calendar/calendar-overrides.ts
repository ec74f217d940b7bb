import type { DayOverride, LocalDate, RegionSettings, RegionSettingsPatch, YearScheduleInput } from './schemas.js';
import type { YearSchedule } from './year-schedule.js';

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
}

/**
 * The seam for the database-backed store (and the in-memory one used by tests and the
 * embedded mode). Writers validate with the helpers exported next to this interface
 * (`parseLocalDate`, `yearScheduleFromInput`, `resolveRegionSettings`) so both stores reject
 * the same input with the same error classes. A region with nothing stored has the default
 * settings and no overrides; the store does not decide which regions exist.
 */
export interface CalendarOverrides {
  snapshot(region: string): Promise<RegionOverridesSnapshot>;

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
