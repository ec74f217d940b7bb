/**
 * Periods as the office names them (本月, 本季度, 本年), in China months, counted from the
 * SERVICE's clock: an office PC's date may be wrong, and tests run the service on a test clock.
 */
import { serverNow } from '../shared/clock.js';
import { TIME_ZONE } from '../shared/format.js';

/** Months `YYYY-MM`, both included. */
export interface MonthRange {
  from: string;
  to: string;
}

export type QuickPeriod = 'month' | 'quarter' | 'year';

export const QUICK_PERIODS: ReadonlyArray<{ id: QuickPeriod; label: string }> = [
  { id: 'month', label: '本月' },
  { id: 'quarter', label: '本季度' },
  { id: 'year', label: '本年' },
];

const chinaDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in China, `YYYY-MM-DD`. */
export function chinaToday(now: Date = serverNow()): string {
  return chinaDay.format(now);
}

const pad = (n: number) => String(n).padStart(2, '0');

export function quickPeriod(kind: QuickPeriod, now: Date = serverNow()): MonthRange {
  const [year, month] = chinaToday(now).split('-').map(Number) as [number, number];
  if (kind === 'month') return { from: `${year}-${pad(month)}`, to: `${year}-${pad(month)}` };
  if (kind === 'year') return { from: `${year}-01`, to: `${year}-12` };
  const first = month - ((month - 1) % 3);
  return { from: `${year}-${pad(first)}`, to: `${year}-${pad(first + 2)}` };
}

/** The last day of a month `YYYY-MM`. */
export function lastDay(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  // Day 0 of the next month, in UTC: calendar arithmetic only, no time zone involved.
  return `${month}-${pad(new Date(Date.UTC(year, m, 0)).getUTCDate())}`;
}

/** The API's period: `from` the first day, `to` the last day (a bare day is the whole China day). */
export function periodQuery(range: MonthRange): { from: string; to: string } {
  return { from: `${range.from}-01`, to: lastDay(range.to) };
}

export function sameRange(a: MonthRange, b: MonthRange): boolean {
  return a.from === b.from && a.to === b.to;
}

/**
 * The month the ranking shows: the range's last month, but not a month still to come (本年 in
 * November ranks November, not an empty December).
 */
export function rankingMonth(range: MonthRange, now: Date = serverNow()): string {
  const current = chinaToday(now).slice(0, 7);
  if (range.to <= current) return range.to;
  return range.from > current ? range.from : current;
}
