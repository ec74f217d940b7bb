import { createRequire } from 'node:module';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { HolidayDataError } from './errors.js';
import { isLocalDate, yearOf } from './local-date.js';
import type { LocalDate } from './schemas.js';
import type { YearSchedule } from './year-schedule.js';

/**
 * Where national schedules come from. Only years the source actually published are covered;
 * everything else is `undefined`, never a Monday–Friday guess.
 */
export interface HolidaySource {
  readonly name: string;
  /** Sorted ascending. */
  coveredYears(): number[];
  schedule(year: number): YearSchedule | undefined;
}

/**
 * chinese-days' raw maps: date → "English name,中文名,statutory days". `inLieuDays` marks the
 * holidays that are paid back by a make-up day; it is a subset of `holidays` and not needed here.
 */
const ChineseDaysDataSchema = Type.Object({
  holidays: Type.Record(Type.String(), Type.String()),
  workdays: Type.Record(Type.String(), Type.String()),
  inLieuDays: Type.Optional(Type.Record(Type.String(), Type.String())),
});
export interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays?: Record<string, string>;
}

/*
 * A year counts as published when its data has both a Spring Festival and a National Day
 * holiday: every State Council notice since 1999 contains both, and both always fall inside
 * their own calendar year. Dates alone are not enough, because one year's notice can reach
 * into the next (元旦 spanning 31 December) without the next year being published.
 */
const SPRING_FESTIVAL = '春节';
const NATIONAL_DAY = '国庆';

/** Builds a source from chinese-days-shaped data; exported so tests can feed synthetic data. */
export function holidaySourceFromData(data: ChineseDaysData, name = 'chinese-days'): HolidaySource {
  if (!Value.Check(ChineseDaysDataSchema, data)) {
    throw new HolidayDataError(name, 'expected { holidays, workdays } maps of date → description');
  }
  const holidays = groupByYear(name, data.holidays);
  const workdays = groupByYear(name, data.workdays);
  const schedules = new Map<number, YearSchedule>();
  for (const [year, days] of holidays) {
    const names = [...days.values()];
    if (!names.some((n) => n.includes(SPRING_FESTIVAL)) || !names.some((n) => n.includes(NATIONAL_DAY))) continue;
    schedules.set(year, {
      year,
      holidays: new Set(days.keys()),
      workdays: new Set(workdays.get(year)?.keys() ?? []),
      source: 'chinese-days',
    });
  }
  const years = [...schedules.keys()].sort((a, b) => a - b);
  return {
    name,
    coveredYears: () => [...years],
    schedule: (year) => schedules.get(year),
  };
}

/** A source that covers nothing: every year must be loaded by an administrator. */
export function emptyHolidaySource(): HolidaySource {
  return { name: 'none', coveredYears: () => [], schedule: () => undefined };
}

let chineseDays: HolidaySource | undefined;

/**
 * The published schedules shipped with the chinese-days package, read from its data file
 * rather than through `isWorkday()`, which answers Monday–Friday for years it does not know.
 */
export function chineseDaysHolidaySource(): HolidaySource {
  chineseDays ??= holidaySourceFromData(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json'));
  return chineseDays;
}

function groupByYear(name: string, days: Record<string, string>): Map<number, Map<LocalDate, string>> {
  const byYear = new Map<number, Map<LocalDate, string>>();
  for (const [date, description] of Object.entries(days)) {
    if (!isLocalDate(date)) throw new HolidayDataError(name, `not a 'YYYY-MM-DD' date: ${date}`);
    const year = yearOf(date);
    let inYear = byYear.get(year);
    if (!inYear) byYear.set(year, (inYear = new Map()));
    inYear.set(date, description);
  }
  return byYear;
}
