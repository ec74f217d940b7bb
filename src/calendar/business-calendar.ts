import type { RegionOverridesSnapshot } from './calendar-overrides.js';
import { parseDeadlineSpec } from './deadline-spec.js';
import { CalendarYearNotCoveredError } from './errors.js';
import type { HolidaySource } from './holiday-source.js';
import { addDays, isWeekend, parseLocalDate, yearOf } from './local-date.js';
import { endOfDayMinutes, resolveRegionSettings } from './region-settings.js';
import type { CalendarStatus, DayOverride, DeadlineSpec, DeadlineUnit, LocalDate, RegionSettings } from './schemas.js';
import { localDateOf, zonedTimeToInstant } from './time-zone.js';
import type { YearSchedule } from './year-schedule.js';

const HOUR_MS = 3_600_000;

/** Why a date is or is not a working day, for the API and for anyone debugging a deadline. */
export interface DayInfo {
  date: LocalDate;
  working: boolean;
  kind: 'weekday' | 'weekend' | 'holiday' | 'makeUpWorkday';
  /** regionDay: a single-day override; otherwise the source of the year's schedule. */
  decidedBy: 'regionDay' | 'override' | 'chinese-days';
}

/**
 * One region's working-day calendar: the national schedule plus the region's overrides, as of
 * the snapshot it was built from. Every method is synchronous and pure; build a fresh calendar
 * (CalendarService.forRegion) to see later administrator edits.
 *
 * Precedence for a date: the region's single-day override > the region's loaded year >
 * chinese-days > not covered (CalendarYearNotCoveredError). Hours and natural days never
 * consult the schedule, so they work in any year.
 */
export class BusinessCalendar {
  readonly region: string;
  readonly settings: RegionSettings;
  /** The revision of the region's overrides this calendar was built from. */
  readonly revision: number;
  readonly #source: HolidaySource;
  readonly #overrides: RegionOverridesSnapshot;
  readonly #endOfDayMinutes: number;

  constructor(source: HolidaySource, overrides: RegionOverridesSnapshot) {
    this.region = overrides.region;
    this.settings = resolveRegionSettings(overrides.settings);
    this.revision = overrides.revision;
    this.#source = source;
    this.#overrides = overrides;
    this.#endOfDayMinutes = endOfDayMinutes(this.settings.endOfDay);
  }

  get timeZone(): string {
    return this.settings.timeZone;
  }

  /** Years with a schedule (loaded by the region or published in chinese-days), ascending. */
  coveredYears(): number[] {
    const years = new Set([...this.#source.coveredYears(), ...this.#overrides.years.keys()]);
    return [...years].sort((a, b) => a - b);
  }

  isCovered(year: number): boolean {
    return this.#overrides.years.has(year) || this.#source.schedule(year) !== undefined;
  }

  /** The year's schedule before single-day overrides; throws when the year is not covered. */
  scheduleFor(year: number): YearSchedule {
    const schedule = this.#overrides.years.get(year) ?? this.#source.schedule(year);
    if (!schedule) throw new CalendarYearNotCoveredError(year, this.region);
    return schedule;
  }

  describeDay(date: LocalDate): DayInfo {
    parseLocalDate(date);
    const schedule = this.scheduleFor(yearOf(date));
    const weekend = isWeekend(date);
    const override = this.#overrides.days.get(date);
    if (override) {
      if (override.kind === 'holiday') return { date, working: false, kind: 'holiday', decidedBy: 'regionDay' };
      if (override.kind === 'workday') {
        return { date, working: true, kind: weekend ? 'makeUpWorkday' : 'weekday', decidedBy: 'regionDay' };
      }
      return { date, working: !weekend, kind: weekend ? 'weekend' : 'weekday', decidedBy: 'regionDay' };
    }
    const decidedBy = schedule.source;
    if (schedule.workdays.has(date)) return { date, working: true, kind: 'makeUpWorkday', decidedBy };
    if (schedule.holidays.has(date)) return { date, working: false, kind: 'holiday', decidedBy };
    return { date, working: !weekend, kind: weekend ? 'weekend' : 'weekday', decidedBy };
  }

  /** The region's single-day override of a date, if it has one. */
  dayOverride(date: LocalDate): DayOverride | undefined {
    return this.#overrides.days.get(date);
  }

  /** Throws CalendarYearNotCoveredError for a date in a year without a schedule. */
  isWorkingDay(date: LocalDate): boolean {
    return this.describeDay(date).working;
  }

  /** The civil date of an instant in the region's time zone. */
  localDateOf(instant: Date): LocalDate {
    return localDateOf(instant, this.timeZone);
  }

  /** The instant the region's day `date` ends (its end-of-day setting, in its time zone). */
  endOfDay(date: LocalDate): Date {
    return zonedTimeToInstant(parseLocalDate(date), this.#endOfDayMinutes, this.timeZone);
  }

  /** The nth working day strictly after `date` (n >= 1); `date` itself never counts. */
  nthWorkingDayAfter(date: LocalDate, n: number): LocalDate {
    let day = parseLocalDate(date);
    for (let left = n; left > 0; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  /**
   * hours: start + amount clock hours (nights, weekends and holidays included).
   * naturalDays: end of day of the amount-th calendar day after the start's local date.
   * workingDays: end of day of the amount-th working day after the start's local date.
   */
  addDuration(start: Date, amount: number, unit: DeadlineUnit): Date {
    return this.deadline(start, { amount, unit });
  }

  /** Like addDuration, from a spec such as '5wd' or { amount: 5, unit: 'workingDays' }. */
  deadline(start: Date, spec: string | DeadlineSpec): Date {
    const { amount, unit } = parseDeadlineSpec(spec);
    const startDate = this.localDateOf(start);
    switch (unit) {
      case 'hours':
        return new Date(start.getTime() + amount * HOUR_MS);
      case 'naturalDays':
        return this.endOfDay(addDays(startDate, amount));
      case 'workingDays':
        return this.endOfDay(this.nthWorkingDayAfter(startDate, amount));
    }
  }

  /**
   * Working days whose local date is after a's and on or before b's, counted the same way as
   * deadlines: workingDaysBetween(start, deadline(start, 'Nwd')) === N. Negative when b is
   * before a; 0 on the same local date. Time of day is ignored, so "overdue by 0 working days"
   * means late on the deadline's own day.
   */
  workingDaysBetween(a: Date, b: Date): number {
    const from = this.localDateOf(a);
    const to = this.localDateOf(b);
    if (from === to) return 0;
    const [low, high, sign] = from < to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = addDays(low, 1); day <= high; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count += 1;
    }
    return sign * count;
  }

  /** What GET /api/calendar/status reports for this region, relative to `now`. */
  status(now: Date): CalendarStatus {
    const currentYear = yearOf(this.localDateOf(now));
    const dayOverrides = new Map<number, number>();
    for (const date of this.#overrides.days.keys()) {
      dayOverrides.set(yearOf(date), (dayOverrides.get(yearOf(date)) ?? 0) + 1);
    }
    return {
      region: this.region,
      timeZone: this.settings.timeZone,
      endOfDay: this.settings.endOfDay,
      years: this.coveredYears().map((year) => {
        const schedule = this.scheduleFor(year);
        return {
          year,
          source: schedule.source,
          holidays: schedule.holidays.size,
          workdays: schedule.workdays.size,
          dayOverrides: dayOverrides.get(year) ?? 0,
        };
      }),
      currentYear,
      missingCurrentYear: !this.isCovered(currentYear),
      missingNextYear: !this.isCovered(currentYear + 1),
    };
  }
}
