import { InvalidCalendarDateError } from './errors.js';
import type { LocalDate } from './schemas.js';

/*
 * Civil-date arithmetic on 'YYYY-MM-DD' strings. A civil date has no time zone, so the
 * arithmetic runs on UTC midnights, where every day is exactly 24 hours long.
 */

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks the format and that the day exists (no 2026-02-30), and returns the date unchanged. */
export function parseLocalDate(value: unknown): LocalDate {
  if (typeof value !== 'string') throw new InvalidCalendarDateError(value, "expected a 'YYYY-MM-DD' string");
  const match = LOCAL_DATE.exec(value);
  if (!match) throw new InvalidCalendarDateError(value, "expected 'YYYY-MM-DD'");
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new InvalidCalendarDateError(value, 'no such day');
  }
  return value;
}

export function isLocalDate(value: unknown): value is LocalDate {
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

export function isWeekend(date: LocalDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return formatUtcDate(new Date(utcMidnight(date) + days * DAY_MS));
}

/** Builds 'YYYY-MM-DD' from numeric parts; month is 1-based. */
export function localDateFromParts(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function utcMidnight(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function formatUtcDate(utc: Date): LocalDate {
  return localDateFromParts(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
