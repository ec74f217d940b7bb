/**
 * Declarative list-query parameters for the runtime and history lists: one table per
 * resource says each Camunda parameter's kind, and from it come the OpenAPI query schema
 * (every value a string), the POST-form body schema (JSON types, `null` = absent), and the
 * parsed filter. Both forms go through the same `parse…` readers, so a bad value is a 400
 * naming the parameter whichever form it came in.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import type { VariableCondition } from '../../runtime/index.js';
import {
  InvalidRequestError,
  SortOrderSchema,
  VariableFilterSchema,
  invalidParameter,
  parseBool,
  parseDateParam,
  parseFlag,
  parseInteger,
  parseList,
  parseString,
  parseVariableFilters,
  tryParseCamundaDate,
} from '../camunda/index.js';

export type ParamKind = 'string' | 'list' | 'bool' | 'flag' | 'int' | 'date' | 'variables';
export type ParamSpec = Readonly<Record<string, ParamKind>>;

const nullable = (s: TSchema) => Type.Optional(Type.Union([s, Type.Null()]));

/**
 * Camunda's Jackson coerces scalars (`"true"` for true, `"5"` for 5, a single string for a
 * list), so the body schemas accept those too; the readers convert and reject the rest.
 */
const BODY_TYPES: Record<ParamKind, () => TSchema> = {
  string: () => Type.String(),
  list: () => Type.Union([Type.Array(Type.String()), Type.String()]),
  bool: () => Type.Union([Type.Boolean(), Type.String()]),
  flag: () => Type.Union([Type.Boolean(), Type.String()]),
  int: () => Type.Union([Type.Integer(), Type.String()]),
  date: () => Type.String({ description: 'yyyy-MM-ddTHH:mm:ss.SSSZ' }),
  variables: () => Type.Array(VariableFilterSchema),
};

/** The GET form's query string: every parameter a string, plus paging and sorting. */
export function querySchema(spec: ParamSpec) {
  const props: Record<string, TSchema> = {
    firstResult: Type.Optional(Type.String({ description: 'integer, 0 or more' })),
    maxResults: Type.Optional(Type.String({ description: 'integer, 0 or more' })),
    sortBy: Type.Optional(Type.String()),
    sortOrder: Type.Optional(SortOrderSchema),
  };
  for (const [name, kind] of Object.entries(spec)) {
    props[name] = Type.Optional(Type.String({ description: kind === 'variables' ? 'name_op_value,…' : kind === 'list' ? 'comma-separated' : kind }));
  }
  return Type.Object(props);
}

/** The POST form's body: the same parameters with JSON types, and `sorting`. */
export function bodySchema(spec: ParamSpec) {
  const props: Record<string, TSchema> = {
    sorting: nullable(Type.Array(Type.Object({ sortBy: Type.String(), sortOrder: SortOrderSchema, parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())) }))),
  };
  for (const [name, kind] of Object.entries(spec)) props[name] = nullable(BODY_TYPES[kind]());
  return Type.Object(props);
}

/** `firstResult`/`maxResults` of the POST forms stay in the query string (spec 4.2). */
export const PagingOnlyQuerySchema = Type.Object({
  firstResult: Type.Optional(Type.String({ description: 'integer, 0 or more' })),
  maxResults: Type.Optional(Type.String({ description: 'integer, 0 or more' })),
});

/** Reads every parameter of `spec` from a query string or body; absent ones are left out. */
export function readParams(q: unknown, spec: ParamSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(spec)) {
    const v = readOne(q, name, kind);
    if (v !== undefined && v !== false) out[name] = v;
  }
  return out;
}

function readOne(q: unknown, name: string, kind: ParamKind): unknown {
  switch (kind) {
    case 'string':
      return parseString(q, name);
    case 'list':
      return parseList(q, name);
    case 'bool':
      return parseBool(q, name);
    case 'flag':
      return parseFlag(q, name);
    case 'int':
      return parseInteger(q, name);
    case 'date':
      return parseDateParam(q, name);
    case 'variables':
      return variableConditions(q, name);
  }
}

/**
 * Variable filters for the runtime: the GET form's strings as they are (the query decides per
 * stored type how to compare), POST values only when they are JSON scalars.
 */
export function variableConditions(q: unknown, name: string): VariableCondition[] | undefined {
  return parseVariableFilters(q, name)?.map((f, i) => {
    const value = f.value;
    if (value !== null && typeof value === 'object') throw invalidParameter(`${name}[${i}].value`, value, 'must be a string, number, boolean or null');
    if (value === null && f.operator !== 'eq' && f.operator !== 'neq') {
      throw invalidParameter(`${name}[${i}].value`, value, `null can only be compared with eq or neq`);
    }
    if (f.operator === 'like' && typeof value !== 'string') throw invalidParameter(`${name}[${i}].value`, value, 'like needs a string pattern');
    const condition: VariableCondition = { name: f.name, operator: f.operator, value: value as VariableCondition['value'] };
    const date = typeof value === 'string' ? tryParseCamundaDate(value) : undefined;
    if (date) condition.date = date;
    return condition;
  });
}

/**
 * Camunda parameters we do not implement answer 400 instead of being ignored, since ignoring
 * a filter silently widens the result (spec 4.3: `*Expression` variants and the like).
 */
export function rejectUnsupported(q: unknown, names: readonly string[]): void {
  if (typeof q !== 'object' || q === null) return;
  for (const [key, value] of Object.entries(q)) {
    if (value === undefined || value === null || value === '' || value === false || value === 'false') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (key.endsWith('Expression') || names.includes(key)) {
      throw new InvalidRequestError(`Query parameter '${key}' is not supported`, key);
    }
  }
}
