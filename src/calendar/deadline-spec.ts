import { InvalidDeadlineSpecError } from './errors.js';
import type { DeadlineSpec, DeadlineUnit } from './schemas.js';

/*
 * The notation diagrams use for deadlines: a number and a unit, e.g. '5wd', '24h', '3d',
 * '5 workingDays', '3个工作日', '24小时', or the ISO duration 'PT24H'. Kept in one place so the
 * expression functions, the HTTP API and the seeds' tables all read the same way.
 */

const UNIT_ALIASES: Record<string, DeadlineUnit> = {
  h: 'hours',
  hr: 'hours',
  hrs: 'hours',
  hour: 'hours',
  hours: 'hours',
  小时: 'hours',
  d: 'naturalDays',
  nd: 'naturalDays',
  day: 'naturalDays',
  days: 'naturalDays',
  naturalday: 'naturalDays',
  naturaldays: 'naturalDays',
  天: 'naturalDays',
  日: 'naturalDays',
  自然日: 'naturalDays',
  wd: 'workingDays',
  workday: 'workingDays',
  workdays: 'workingDays',
  workingday: 'workingDays',
  workingdays: 'workingDays',
  工作日: 'workingDays',
};

const SHORT_UNITS: Record<DeadlineUnit, string> = { hours: 'h', naturalDays: 'd', workingDays: 'wd' };

/** About ten years; beyond that a spec is a typo, and a day-by-day walk would be pointless. */
const MAX_DAYS = 3660;
const MAX_HOURS = MAX_DAYS * 24;

const COMPACT = /^(\d+(?:\.\d+)?)\s*个?\s*([a-z\u4e00-\u9fff]+)$/i;
const ISO_HOURS = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?$/i;
const ISO_DAYS = /^P\d+(?:\.\d+)?[DW]/i;

/** Accepts a spec string or a `{ amount, unit }` object and returns a validated spec. */
export function parseDeadlineSpec(spec: unknown): DeadlineSpec {
  if (typeof spec === 'object' && spec !== null) {
    const { amount, unit } = spec as Record<string, unknown>;
    if (typeof unit !== 'string' || !(unit in SHORT_UNITS)) {
      throw new InvalidDeadlineSpecError(spec, "unit must be 'hours', 'naturalDays' or 'workingDays'");
    }
    return checkAmount(spec, toAmount(spec, amount), unit as DeadlineUnit);
  }
  if (typeof spec !== 'string') throw new InvalidDeadlineSpecError(spec, 'expected a string such as "5wd" or { amount, unit }');
  const text = spec.trim();

  const iso = ISO_HOURS.exec(text);
  if (iso && (iso[1] !== undefined || iso[2] !== undefined)) {
    const hours = Number(iso[1] ?? 0) + Number(iso[2] ?? 0) / 60;
    return checkAmount(spec, hours, 'hours');
  }
  if (ISO_DAYS.test(text)) {
    throw new InvalidDeadlineSpecError(
      spec,
      "ISO day durations are ambiguous here: write '3d' for the end of the 3rd natural day, '72h' (or 'PT72H') for exactly 72 hours, '3wd' for working days",
    );
  }
  const compact = COMPACT.exec(text);
  const unit = compact ? UNIT_ALIASES[compact[2]!.toLowerCase()] : undefined;
  if (!compact || !unit) {
    throw new InvalidDeadlineSpecError(spec, "expected an amount and a unit: '24h', '3d', '5wd', '5 workingDays', '5个工作日'");
  }
  return checkAmount(spec, Number(compact[1]), unit);
}

/** The compact form, e.g. { amount: 5, unit: 'workingDays' } → '5wd'. */
export function formatDeadlineSpec(spec: DeadlineSpec): string {
  return `${spec.amount}${SHORT_UNITS[spec.unit]}`;
}

/** Validates an amount for a unit: hours may be fractional, days are whole. */
export function checkAmount(spec: unknown, amount: number, unit: DeadlineUnit): DeadlineSpec {
  if (!Number.isFinite(amount) || amount <= 0) throw new InvalidDeadlineSpecError(spec, 'the amount must be a positive number');
  if (unit === 'hours') {
    if (amount > MAX_HOURS) throw new InvalidDeadlineSpecError(spec, `at most ${MAX_HOURS} hours`);
  } else {
    if (!Number.isInteger(amount)) throw new InvalidDeadlineSpecError(spec, 'days must be a whole number');
    if (amount > MAX_DAYS) throw new InvalidDeadlineSpecError(spec, `at most ${MAX_DAYS} days`);
  }
  return { amount, unit };
}

/** Numbers, or numeric strings as form fields deliver them ('3'). */
export function toAmount(spec: unknown, amount: unknown): number {
  if (typeof amount === 'number') return amount;
  if (typeof amount === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(amount)) return Number(amount);
  throw new InvalidDeadlineSpecError(spec, 'the amount must be a number');
}
