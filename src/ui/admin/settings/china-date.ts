/**
 * Calendar dates ('YYYY-MM-DD') as plain day numbers, so the grid never depends on the
 * browser's time zone; "this year" comes from the service's clock read in China time.
 */
import { serverNow } from '../../shared/clock.js';

const yearInChina = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' });
const dateInChina = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export function chinaYear(now: Date = serverNow()): number {
  return Number(yearInChina.format(now));
}

export function chinaToday(now: Date = serverNow()): string {
  return dateInChina.format(now);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Monday … 6 = Sunday (Chinese calendars start the week on Monday). */
export function mondayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export function isWeekend(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return mondayIndex(y, m, d) >= 5;
}
