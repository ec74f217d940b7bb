import { InvalidRequestError } from './errors.js';

/** Camunda's Jackson pattern for every date on the wire (spec 1.3). */
export const CAMUNDA_DATE_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    // Throws RangeError for an unknown zone: a configuration mistake, not a request problem.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * `2026-11-23T10:00:00.000+0800`: wall-clock time in `timeZone` plus its offset at that
 * instant, without a colon. The offset comes from Intl, so zones with DST or historic
 * offsets format correctly; sub-minute historic offsets are truncated as Java does.
 */
export function formatCamundaDate(d: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(d)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const year = parts.year ?? 0;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  const hour = parts.hour ?? 0;
  const minute = parts.minute ?? 0;
  const second = parts.second ?? 0;
  const millis = ((ms % 1000) + 1000) % 1000;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const offsetMinutes = Math.trunc((wallMs - ms) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}.${pad(millis, 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

// Seconds and fraction optional (ISO strings without them are common); the offset is not:
// a local time without zone is ambiguous. A space stands for a `+` lost to URL decoding.
const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+\- ])(\d{2}):?(\d{2}))$/;

/** The instant `s` denotes, or undefined when it is not a date in one of the accepted forms. */
export function tryParseCamundaDate(s: string): Date | undefined {
  const m = DATE_RE.exec(s);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, sec = '0', frac = '', zulu, sign, oh = '0', om = '0'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(sec);
  const millis = Number(frac.padEnd(3, '0').slice(0, 3));
  const offH = Number(oh);
  const offM = Number(om);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (offH > 18 || offM > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC rolls 31 February over into March; reject instead.
  if (new Date(wall).getUTCDate() !== day) return undefined;
  const offsetMinutes = zulu !== undefined ? 0 : (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  const result = new Date(wall - offsetMinutes * 60_000);
  // Years 0000-0099 make Date.UTC add 1900; guard by re-checking the year.
  if (new Date(wall).getUTCFullYear() !== year) return undefined;
  return result;
}

/**
 * Parses a request date: Camunda's pattern, `Z`, `+08:00`, `+0800`, or a space in place of
 * `+` (spec 1.3). Throws InvalidRequestError naming `field` otherwise.
 */
export function parseCamundaDate(s: unknown, field = 'date'): Date {
  const parsed = typeof s === 'string' ? tryParseCamundaDate(s) : undefined;
  if (parsed === undefined) {
    throw new InvalidRequestError(
      `Cannot convert value '${String(s)}' of '${field}' to a date: expected ${CAMUNDA_DATE_PATTERN}, e.g. 2026-11-23T10:00:00.000+0800`,
      field,
    );
  }
  return parsed;
}
