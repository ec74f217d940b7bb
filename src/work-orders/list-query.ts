import { DEFAULT_TIME_ZONE, addDays, isLocalDate, zonedTimeToInstant } from '../calendar/index.js';
import { InvalidWorkOrderQueryError } from './errors.js';
import type { ListQuery } from './schemas.js';
import { WORK_ORDER_SORT_KEYS } from './schemas.js';
import { CATEGORIES, CHANNELS, STATUSES, codeOf, type CategoryCode, type ChannelCode, type StatusCode, type Term } from './vocabulary.js';

export interface WorkOrderFilter {
  region?: string;
  /** Matches the current unit, a responsible unit or the lead unit. */
  unit?: string;
  statuses?: StatusCode[];
  categories?: CategoryCode[];
  channels?: ChannelCode[];
  overdue?: boolean;
  /** On the time of request, [from, to). */
  requestedFrom?: Date;
  requestedTo?: Date;
  text?: string;
}

export type WorkOrderSortKey = (typeof WORK_ORDER_SORT_KEYS)[number];

export interface WorkOrderListRequest {
  filter: WorkOrderFilter;
  sort: { by: WorkOrderSortKey; order: 'asc' | 'desc' };
  firstResult: number;
  maxResults: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** GET /api/work-orders query (schema-checked strings) → filter, sort, page. */
export function parseListQuery(q: ListQuery): WorkOrderListRequest {
  const maxResults = q.maxResults === undefined ? DEFAULT_PAGE_SIZE : Number(q.maxResults);
  if (maxResults < 1 || maxResults > MAX_PAGE_SIZE) throw new InvalidWorkOrderQueryError('maxResults', `must be between 1 and ${MAX_PAGE_SIZE}`);
  const requestedFrom = q.requestedFrom === undefined ? undefined : boundary('requestedFrom', q.requestedFrom, 'start');
  const requestedTo = q.requestedTo === undefined ? undefined : boundary('requestedTo', q.requestedTo, 'end');
  if (requestedFrom && requestedTo && requestedFrom >= requestedTo) throw new InvalidWorkOrderQueryError('requestedTo', 'must be after requestedFrom');
  return {
    filter: {
      region: q.region,
      unit: q.unit,
      statuses: codes('status', STATUSES, q.status),
      categories: codes('category', CATEGORIES, q.category),
      channels: codes('channel', CHANNELS, q.channel),
      overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      requestedFrom,
      requestedTo,
      text: q.text,
    },
    sort: { by: (q.sortBy as WorkOrderSortKey | undefined) ?? 'createdAt', order: q.sortOrder === 'asc' ? 'asc' : q.sortOrder === 'desc' ? 'desc' : q.sortBy ? 'asc' : 'desc' },
    firstResult: q.firstResult === undefined ? 0 : Number(q.firstResult),
    maxResults,
  };
}

function codes<C extends string>(parameter: string, terms: readonly Term<C>[], value: string | undefined): C[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((part) => {
    const code = codeOf(terms, part.trim());
    if (!code) throw new InvalidWorkOrderQueryError(parameter, `'${part}' is not one of ${terms.map((t) => `${t.code} (${t.name})`).join(', ')}`);
    return code;
  });
}

/** A day means the whole day in China time: `requestedTo=2026-11-30` includes the 30th. */
function boundary(parameter: string, value: string, side: 'start' | 'end'): Date {
  if (isLocalDate(value)) return zonedTimeToInstant(side === 'start' ? value : addDays(value, 1), 0, DEFAULT_TIME_ZONE);
  const d = /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value) ? new Date(value) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new InvalidWorkOrderQueryError(parameter, `'${value}' is neither a date (YYYY-MM-DD) nor an ISO 8601 date-time with offset`);
  return d;
}
