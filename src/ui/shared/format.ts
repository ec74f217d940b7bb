/** Dates and durations as a Chinese office reads them, always in China time (Asia/Shanghai). */

export const TIME_ZONE = 'Asia/Shanghai';

const dateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const dateOnly = new Intl.DateTimeFormat('zh-CN', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDateTime(value: string | Date | null | undefined): string {
  const d = toDate(value);
  return d ? dateTime.format(d) : '—';
}

export function formatDate(value: string | Date | null | undefined): string {
  const d = toDate(value);
  return d ? dateOnly.format(d) : '—';
}

/** 2 天 3 小时 / 45 分钟: the two largest units, for "剩余…" and "已超期…". */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours > 0) return mins > 0 ? `${hours} 小时 ${mins} 分钟` : `${hours} 小时`;
  return `${mins} 分钟`;
}

export type DeadlineState = 'overdue' | 'due-soon' | 'ok' | 'none';

/** Due soon: within 24 hours, or within a quarter of the time the task was given. */
export function deadlineState(due: string | null | undefined, now: Date, created?: string | null): DeadlineState {
  const d = toDate(due);
  if (!d) return 'none';
  const left = d.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  const c = toDate(created);
  const quarter = c ? (d.getTime() - c.getTime()) / 4 : Infinity;
  return left <= Math.min(24 * 3600_000, quarter) ? 'due-soon' : 'ok';
}

export function timeLeftText(due: string | null | undefined, now: Date): string {
  const d = toDate(due);
  if (!d) return '无时限';
  const left = d.getTime() - now.getTime();
  return left < 0 ? `已超期 ${formatDuration(left)}` : `剩余 ${formatDuration(left)}`;
}

export function formatPercent(rate: number | null | undefined, digits = 1): string {
  return rate === null || rate === undefined || Number.isNaN(rate) ? '—' : `${(rate * 100).toFixed(digits)}%`;
}
