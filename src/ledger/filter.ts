import { DEFAULT_TIME_ZONE, addDays, isLocalDate, zonedTimeToInstant } from '../calendar/index.js';
import { SqlFilter } from '../db/index.js';
import { restrictWorkOrders, type AccessScope } from '../access/index.js';
import { InvalidLedgerQueryError } from './errors.js';
import { unitCondition } from './sql/ledger.js';

/** Which orders a ledger or a statistic covers. */
export interface OrderFilter {
  region?: string;
  /** Any unit named on the order: handling, co-handling, lead or responsible. */
  unit?: string;
  /** On the time of request (诉求反映时间), [from, to). */
  from?: Date;
  to?: Date;
  /**
   * The orders the asking user may see at all (src/access): a region-bound office reads its
   * region only, a handler its unit's orders. Absent: every order (the service's own reads).
   */
  scope?: AccessScope;
}

export interface FilterQuery {
  region?: string;
  unit?: string;
  from?: string;
  to?: string;
}

/** Query strings (already schema-checked for shape) → filter; bad dates are 400s naming the parameter. */
export function parseOrderFilter(q: FilterQuery): OrderFilter {
  const from = q.from === undefined ? undefined : boundary('from', q.from, 'start');
  const to = q.to === undefined ? undefined : boundary('to', q.to, 'end');
  if (from && to && from >= to) throw new InvalidLedgerQueryError('to', 'must be after from');
  return { region: q.region, unit: q.unit, from, to };
}

/** WHERE of the filter over `work_order w`; more conditions may be added to the returned filter. */
export function orderConditions(filter: OrderFilter): SqlFilter {
  const f = new SqlFilter().eq('w.region', filter.region).compare('w.requested_at', '>=', filter.from).compare('w.requested_at', '<', filter.to);
  if (filter.unit !== undefined) f.where(unitCondition, filter.unit, filter.unit, filter.unit, filter.unit);
  return restrictWorkOrders(f, filter.scope);
}

/** A bare day is the whole day in China time, so `to=2026-11-30` includes the 30th. */
export function boundary(parameter: string, value: string, side: 'start' | 'end'): Date {
  if (isLocalDate(value)) return zonedTimeToInstant(side === 'start' ? value : addDays(value, 1), 0, DEFAULT_TIME_ZONE);
  const d = /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new InvalidLedgerQueryError(parameter, `'${value}' is neither a date (YYYY-MM-DD) nor an ISO 8601 date-time with offset`);
  return d;
}
