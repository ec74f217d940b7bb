import type { Clock } from '../clock/index.js';
import type { BusinessCalendar } from './business-calendar.js';
import { checkAmount, parseDeadlineSpec, toAmount } from './deadline-spec.js';
import { InvalidCalendarDateError } from './errors.js';
import { isLocalDate } from './local-date.js';
import type { DeadlineUnit } from './schemas.js';
import { formatWithOffset, zonedTimeToInstant } from './time-zone.js';

/**
 * A function callable from a diagram expression. The optional start is a rest parameter so
 * that an explicit `undefined` (a variable that was never set) is an error instead of
 * silently meaning "now".
 */
export type CalendarFunction = (amountOrSpec: unknown, ...start: [start?: unknown]) => string;

/** A type alias, not an interface, so it fits bpmn-elements' `services: Record<string, CallableFunction>`. */
export type CalendarFunctions = {
  /** addWorkingDays(5[, start]) → end of day of the 5th working day after start's date. */
  addWorkingDays: CalendarFunction;
  /** addHours(24[, start]) → start + 24 clock hours. */
  addHours: CalendarFunction;
  /** addNaturalDays(3[, start]) → end of day of the 3rd calendar day after start's date. */
  addNaturalDays: CalendarFunction;
  /** deadline('5wd' | '24h' | '3d' | { amount, unit }[, start]). */
  deadline: CalendarFunction;
};

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The whitelisted expression functions for one region's calendar. They are closures, not
 * methods, because the evaluator calls them as fn.apply({ variables }, args). They return ISO
 * 8601 strings with the region's offset ('2026-10-10T18:00:00.000+08:00'): bpmn-elements
 * reads a timeDate without an offset as the server's local time.
 */
export function createCalendarFunctions(calendar: BusinessCalendar, clock: Clock): CalendarFunctions {
  const resolveStart = (start: [start?: unknown]): Date => (start.length === 0 ? clock.now() : toStartInstant(calendar, start[0]));
  const byUnit =
    (unit: DeadlineUnit): CalendarFunction =>
    (amount, ...start) => {
      const spec = checkAmount(amount, toAmount(amount, amount), unit);
      return formatWithOffset(calendar.deadline(resolveStart(start), spec), calendar.timeZone);
    };
  return {
    addWorkingDays: byUnit('workingDays'),
    addHours: byUnit('hours'),
    addNaturalDays: byUnit('naturalDays'),
    deadline: (spec, ...start) => {
      const parsed = parseDeadlineSpec(spec);
      return formatWithOffset(calendar.deadline(resolveStart(start), parsed), calendar.timeZone);
    },
  };
}

/**
 * A start given by a diagram: a Date, epoch milliseconds, an ISO string with an offset or Z,
 * or a bare 'YYYY-MM-DD' (the start of that day in the region). An ISO string without an
 * offset is refused, since it would be read in the server's time zone.
 */
export function toStartInstant(calendar: BusinessCalendar, value: unknown): Date {
  let instant: Date | undefined;
  if (value instanceof Date) instant = value;
  else if (typeof value === 'number' && Number.isFinite(value)) instant = new Date(value);
  else if (typeof value === 'string' && isLocalDate(value)) instant = zonedTimeToInstant(value, 0, calendar.timeZone);
  else if (typeof value === 'string' && ISO_WITH_OFFSET.test(value.trim())) instant = new Date(value.trim());
  else if (typeof value === 'string') {
    throw new InvalidCalendarDateError(value, "expected an ISO 8601 instant with an offset ('…+08:00' or '…Z') or 'YYYY-MM-DD'");
  }
  if (instant === undefined) throw new InvalidCalendarDateError(value, 'the start is missing or not a date');
  if (Number.isNaN(instant.getTime())) throw new InvalidCalendarDateError(value, 'not a valid instant');
  return instant;
}
