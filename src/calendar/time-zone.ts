import { InvalidCalendarDateError, InvalidRegionSettingsError } from './errors.js';
import { localDateFromParts } from './local-date.js';
import type { LocalDate } from './schemas.js';

/*
 * Wall-clock <-> instant conversions for any IANA time zone, through Intl only. Asia/Shanghai
 * is a fixed +08:00, but a hard-coded offset would silently break a region set to a zone with
 * daylight saving time, so nothing here assumes a fixed offset.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Throws InvalidRegionSettingsError unless the runtime's ICU knows the zone. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The civil date of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const wall = wallTimeOf(assertInstant(instant), timeZone);
  return localDateFromParts(wall.year, wall.month, wall.day);
}

/**
 * The instant at which the wall clock in `timeZone` shows `minutes` past midnight of `date`
 * (1440 = midnight at the end of the day). A wall time skipped by a DST jump resolves to the
 * instant just after the jump and a repeated one to its first occurrence, like Temporal's
 * 'compatible' disambiguation.
 */
export function zonedTimeToInstant(date: LocalDate, minutes: number, timeZone: string): Date {
  const wallMs = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 0, minutes);
  const offsets = [...new Set([offsetAt(wallMs - DAY_MS, timeZone), offsetAt(wallMs + DAY_MS, timeZone)])];
  const valid = offsets.map((offset) => wallMs - offset).filter((ms) => wallMs - ms === offsetAt(ms, timeZone));
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wallMs - Math.min(...offsets));
}

/** ISO 8601 with the zone's offset, e.g. '2026-10-10T18:00:00.000+08:00'. */
export function formatWithOffset(instant: Date, timeZone: string): string {
  const ms = assertInstant(instant).getTime();
  const offsetMinutes = Math.round(offsetAt(ms, timeZone) / 60_000);
  const wall = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** Milliseconds to add to UTC to get the wall time in `timeZone` at instant `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const wall = wallTimeOf(new Date(ms), timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - (ms - mod(ms, 1000));
}

function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? NaN,
    month: parts['month'] ?? NaN,
    day: parts['day'] ?? NaN,
    hour: parts['hour'] ?? NaN,
    minute: parts['minute'] ?? NaN,
    second: parts['second'] ?? NaN,
  };
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new InvalidRegionSettingsError('timeZone', timeZone, 'not a time zone known to this runtime');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function assertInstant(instant: Date): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new InvalidCalendarDateError(instant, 'not a valid instant');
  }
  return instant;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
