/**
 * Readers for list-endpoint parameters (spec 1.8). Each takes the whole `request.query` (or,
 * for the POST forms, the body) and a parameter name, accepts what Camunda accepts, and throws
 * InvalidRequestError naming the parameter for anything else. An empty string counts as absent.
 */
import { parseCamundaDate } from './dates.js';
import { InvalidRequestError } from './errors.js';
import {
  SORT_ORDERS,
  VARIABLE_FILTER_OPERATORS,
  type SortOrder,
  type VariableFilter,
  type VariableFilterOperator,
} from './schemas.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function show(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/** Camunda's wording for a parameter that does not convert. */
export function invalidParameter(name: string, value: unknown, reason: string): InvalidRequestError {
  return new InvalidRequestError(`Cannot set query parameter '${name}' to value '${show(value)}': ${reason}`, name);
}

/** The parameter's value; a repeated query parameter counts with its first value, as in JAX-RS. */
function read(query: unknown, name: string): unknown {
  if (!isRecord(query)) return undefined;
  const v = Object.hasOwn(query, name) ? query[name] : undefined;
  const first = Array.isArray(v) ? v[0] : v;
  return first === '' || first === null ? undefined : first;
}

export function parseString(query: unknown, name: string): string | undefined {
  const v = read(query, name);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw invalidParameter(name, v, 'must be a string');
  return v;
}

export function parseInteger(query: unknown, name: string, min = Number.MIN_SAFE_INTEGER): number | undefined {
  const v = read(query, name);
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^[+-]?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw invalidParameter(name, v, 'must be an integer');
  if (n < min) throw invalidParameter(name, v, `must be ${min} or greater`);
  return n;
}

/** `true`/`false`, case-insensitive. */
export function parseBool(query: unknown, name: string): boolean | undefined {
  const v = read(query, name);
  if (v === undefined || typeof v === 'boolean') return v;
  const s = typeof v === 'string' ? v.toLowerCase() : undefined;
  if (s !== 'true' && s !== 'false') throw invalidParameter(name, v, "must be 'true' or 'false'");
  return s === 'true';
}

/**
 * A filter flag: true only for `true`. Camunda reads `active=false` as "don't filter", not as
 * "only inactive" (spec 1.8), so routes should filter on `parseFlag`, not on `parseBool`.
 */
export function parseFlag(query: unknown, name: string): boolean {
  return parseBool(query, name) === true;
}

/** `…In` parameters: `a,b` in a query string, a JSON array in a POST body. Empty items are dropped. */
export function parseList(query: unknown, name: string): string[] | undefined {
  const v = isRecord(query) && Object.hasOwn(query, name) ? query[name] : undefined;
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v.split(',').filter((s) => s !== '');
  if (Array.isArray(v) && v.every((s): s is string => typeof s === 'string')) {
    // A repeated query parameter, or a body array: items may themselves be comma lists.
    return v.flatMap((s) => s.split(',')).filter((s) => s !== '');
  }
  throw invalidParameter(name, v, 'must be a comma-separated list or an array of strings');
}

/** A date parameter in the format of spec 1.3 (a space in place of `+` is accepted). */
export function parseDateParam(query: unknown, name: string): Date | undefined {
  const v = read(query, name);
  return v === undefined ? undefined : parseCamundaDate(v, name);
}

export interface Paging {
  firstResult: number;
  /** null = unbounded (also what SQL `LIMIT $n` takes for "no limit"). */
  maxResults: number | null;
}

/** `firstResult` (default 0) and `maxResults` (default unbounded); `maxResults=0` means `[]`. */
export function parsePaging(query: unknown): Paging {
  return {
    firstResult: parseInteger(query, 'firstResult', 0) ?? 0,
    maxResults: parseInteger(query, 'maxResults', 0) ?? null,
  };
}

/** Paging applied to rows already in memory. */
export function applyPaging<T>(rows: readonly T[], paging: Paging): T[] {
  const end = paging.maxResults === null ? undefined : paging.firstResult + paging.maxResults;
  return rows.slice(paging.firstResult, end);
}

export interface Sorting<S extends string = string> {
  sortBy: S;
  sortOrder: SortOrder;
  /** Extra arguments of variable sorts in the POST form (`{variable, type}`). */
  parameters?: Record<string, unknown>;
}

function checkSortOrder(name: string, v: unknown): SortOrder {
  if (!SORT_ORDERS.includes(v as SortOrder)) throw invalidParameter(name, v, "must be 'asc' or 'desc'");
  return v as SortOrder;
}

function checkSortBy<S extends string>(name: string, v: unknown, allowed: readonly S[]): S {
  if (!allowed.includes(v as S)) throw invalidParameter(name, v, `must be one of ${allowed.join(', ')}`);
  return v as S;
}

/**
 * Sort criteria from `sortBy` + `sortOrder` (both or neither) and, for POST query bodies,
 * `sorting: [{sortBy, sortOrder, parameters?}]`, in that order.
 */
export function parseSorting<const S extends string>(query: unknown, allowedSortBy: readonly S[]): Sorting<S>[] {
  const sortBy = read(query, 'sortBy');
  const sortOrder = read(query, 'sortOrder');
  if ((sortBy === undefined) !== (sortOrder === undefined)) {
    throw new InvalidRequestError(
      'Only a single sorting parameter specified. sortBy and sortOrder required',
      sortBy === undefined ? 'sortBy' : 'sortOrder',
    );
  }
  const result: Sorting<S>[] = [];
  if (sortBy !== undefined) {
    result.push({ sortBy: checkSortBy('sortBy', sortBy, allowedSortBy), sortOrder: checkSortOrder('sortOrder', sortOrder) });
  }
  const list = isRecord(query) ? query.sorting : undefined;
  if (list === undefined || list === null) return result;
  if (!Array.isArray(list)) throw invalidParameter('sorting', list, 'must be an array of {sortBy, sortOrder}');
  list.forEach((item: unknown, i) => {
    const at = `sorting[${i}]`;
    if (!isRecord(item)) throw invalidParameter(at, item, 'must be an object {sortBy, sortOrder}');
    if (item.sortBy === undefined || item.sortOrder === undefined) {
      throw new InvalidRequestError(`${at}: Only a single sorting parameter specified. sortBy and sortOrder required`, at);
    }
    const entry: Sorting<S> = {
      sortBy: checkSortBy(`${at}.sortBy`, item.sortBy, allowedSortBy),
      sortOrder: checkSortOrder(`${at}.sortOrder`, item.sortOrder),
    };
    if (item.parameters !== undefined) {
      if (!isRecord(item.parameters)) throw invalidParameter(`${at}.parameters`, item.parameters, 'must be an object');
      entry.parameters = item.parameters;
    }
    result.push(entry);
  });
  return result;
}

const isOperator = (op: unknown): op is VariableFilterOperator =>
  VARIABLE_FILTER_OPERATORS.includes(op as VariableFilterOperator);

function parseFilterTriple(name: string, expression: string): VariableFilter {
  // Names may not contain `_` (spec 1.8); values may here (Camunda refuses them), since
  // the first two separators already fix name and operator.
  const first = expression.indexOf('_');
  const second = first < 0 ? -1 : expression.indexOf('_', first + 1);
  if (first <= 0 || second < 0) throw invalidParameter(name, expression, 'must be a comma-separated list of name_operator_value');
  const operator = expression.slice(first + 1, second);
  if (!isOperator(operator)) {
    throw invalidParameter(name, expression, `operator '${operator}' must be one of ${VARIABLE_FILTER_OPERATORS.join(', ')}`);
  }
  return { name: expression.slice(0, first), operator, value: expression.slice(second + 1) };
}

/**
 * Variable filters: `name_op_value,…` in a query string (values stay strings), or the POST
 * form `[{name, operator, value}]` (values keep their JSON type).
 */
export function parseVariableFilters(query: unknown, name: string): VariableFilter[] | undefined {
  const v = isRecord(query) && Object.hasOwn(query, name) ? query[name] : undefined;
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v.split(',').map((expr) => parseFilterTriple(name, expr));
  if (Array.isArray(v) && v.every((s): s is string => typeof s === 'string')) {
    // A repeated query parameter.
    return v.flatMap((s) => s.split(',')).map((expr) => parseFilterTriple(name, expr));
  }
  if (!Array.isArray(v)) throw invalidParameter(name, v, 'must be name_operator_value,… or an array of {name, operator, value}');
  return v.map((item: unknown, i) => {
    const at = `${name}[${i}]`;
    if (!isRecord(item) || typeof item.name !== 'string' || item.name === '') {
      throw invalidParameter(at, item, 'must be an object {name, operator, value}');
    }
    if (!isOperator(item.operator)) {
      throw invalidParameter(`${at}.operator`, item.operator, `must be one of ${VARIABLE_FILTER_OPERATORS.join(', ')}`);
    }
    if (item.value === undefined) throw invalidParameter(`${at}.value`, item, 'is required');
    return { name: item.name, operator: item.operator, value: item.value };
  });
}
