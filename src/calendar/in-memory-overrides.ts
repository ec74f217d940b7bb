import type { CalendarOverrides, RegionOverridesSnapshot } from './calendar-overrides.js';
import { InvalidCalendarDateError } from './errors.js';
import { parseLocalDate } from './local-date.js';
import { DEFAULT_REGION_SETTINGS, resolveRegionSettings } from './region-settings.js';
import type { DayOverride, LocalDate, RegionSettings, RegionSettingsPatch, YearScheduleInput } from './schemas.js';
import { yearScheduleFromInput, type YearSchedule } from './year-schedule.js';

interface RegionState {
  settings: RegionSettings;
  days: Map<LocalDate, DayOverride>;
  years: Map<number, YearSchedule>;
  revision: number;
}

const DAY_KINDS = new Set(['holiday', 'workday', 'normal']);

/** Overrides kept in process memory: for tests and for the embedded mode without a database. */
export class InMemoryCalendarOverrides implements CalendarOverrides {
  readonly #regions = new Map<string, RegionState>();

  async snapshot(region: string): Promise<RegionOverridesSnapshot> {
    const state = this.#regions.get(region);
    // Copies, so that later edits never change a calendar that was already built.
    return {
      region,
      settings: { ...(state?.settings ?? DEFAULT_REGION_SETTINGS) },
      days: new Map(state?.days ?? []),
      years: new Map(state?.years ?? []),
      revision: state?.revision ?? 0,
    };
  }

  async revision(region: string): Promise<number> {
    return this.#regions.get(region)?.revision ?? 0;
  }

  async regions(): Promise<string[]> {
    return [...this.#regions.keys()].sort();
  }

  async setDay(region: string, override: DayOverride): Promise<void> {
    const date = parseLocalDate(override.date);
    if (!DAY_KINDS.has(override.kind)) {
      throw new InvalidCalendarDateError(override, "kind must be 'holiday', 'workday' or 'normal'");
    }
    const stored: DayOverride = { date, kind: override.kind };
    if (override.note !== undefined) stored.note = override.note;
    this.#edit(region).days.set(date, stored);
  }

  async clearDay(region: string, date: LocalDate): Promise<boolean> {
    const day = parseLocalDate(date);
    if (!this.#regions.get(region)?.days.has(day)) return false;
    return this.#edit(region).days.delete(day);
  }

  async loadYear(region: string, input: YearScheduleInput): Promise<YearSchedule> {
    const schedule = yearScheduleFromInput(input);
    this.#edit(region).years.set(schedule.year, schedule);
    return schedule;
  }

  async deleteYear(region: string, year: number): Promise<boolean> {
    if (!this.#regions.get(region)?.years.has(year)) return false;
    return this.#edit(region).years.delete(year);
  }

  async updateSettings(region: string, patch: RegionSettingsPatch): Promise<RegionSettings> {
    const current = this.#regions.get(region)?.settings ?? DEFAULT_REGION_SETTINGS;
    const settings = resolveRegionSettings(patch, current);
    this.#edit(region).settings = settings;
    return { ...settings };
  }

  /** The region's state for a write, counted as an edit (as the database store counts them). */
  #edit(region: string): RegionState {
    let state = this.#regions.get(region);
    if (!state) {
      state = { settings: { ...DEFAULT_REGION_SETTINGS }, days: new Map(), years: new Map(), revision: 0 };
      this.#regions.set(region, state);
    }
    state.revision += 1;
    return state;
  }
}
