/**
 * TypeBox schemas shared by /engine-rest routes. Request schemas stay permissive where Camunda
 * is (unknown properties are ignored, spec 1.4: no `additionalProperties: false`) and leave the
 * detailed checks to the decoders, whose messages name the field.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CAMUNDA_TYPES } from './variable-types.js';

export const CamundaTypeSchema = Type.Union(CAMUNDA_TYPES.map((t) => Type.Literal(t)));

const ValueInfoSchema = Type.Record(Type.String(), Type.Unknown());

/**
 * One typed value as clients send it (spec 1.7): `type` in any case or absent (untyped),
 * `valueInfo` possibly null. Check it with `decodeVariables`, not with the schema alone.
 */
export const TypedValueSchema = Type.Object({
  value: Type.Optional(Type.Unknown()),
  type: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  valueInfo: Type.Optional(Type.Union([ValueInfoSchema, Type.Null()])),
});
export type TypedValueDto = Static<typeof TypedValueSchema>;

/** A variable map in a request body. */
export const VariableMapSchema = Type.Record(Type.String(), TypedValueSchema);
export type VariableMapDto = Static<typeof VariableMapSchema>;

/** A variable map field that may be `null` (the Modeler sends `"variables": null`, spec 3.5). */
export const NullableVariableMapSchema = Type.Union([VariableMapSchema, Type.Null()]);

/** One typed value as we answer it: capitalised type, `valueInfo` always an object. */
export const TypedValueResponseSchema = Type.Object({
  type: CamundaTypeSchema,
  value: Type.Unknown(),
  valueInfo: ValueInfoSchema,
});
export type TypedValueResponse = Static<typeof TypedValueResponseSchema>;

export const VariableMapResponseSchema = Type.Record(Type.String(), TypedValueResponseSchema);
export type VariableMapResponse = Static<typeof VariableMapResponseSchema>;

/** Camunda `ExceptionDto` (spec 1.5); `details` only on `ParseException`. */
export const CamundaErrorSchema = Type.Object({
  type: Type.String(),
  message: Type.String(),
  code: Type.Union([Type.Integer(), Type.Null()]),
  details: Type.Optional(Type.Unknown()),
});

/** Answer of every `…/count` endpoint. */
export const CountSchema = Type.Object({ count: Type.Integer({ minimum: 0 }) });
export type CountDto = Static<typeof CountSchema>;

/** `firstResult` / `maxResults` of list endpoints (spec 1.8); merge into a route's query schema. */
export const PagingQuerySchema = Type.Object({
  firstResult: Type.Optional(Type.Integer({ minimum: 0 })),
  maxResults: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const SORT_ORDERS = ['asc', 'desc'] as const;
export const SortOrderSchema = Type.Union(SORT_ORDERS.map((o) => Type.Literal(o)));
export type SortOrder = Static<typeof SortOrderSchema>;

/**
 * One entry of the POST body form `sorting: [{sortBy, sortOrder}]`. `sortBy` is checked by
 * `parseSorting` against the route's list; `parameters` carries variable sorts (`POST /task`).
 */
export const SortingItemSchema = Type.Object({
  sortBy: Type.String(),
  sortOrder: SortOrderSchema,
  parameters: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export type SortingItemDto = Static<typeof SortingItemSchema>;

export const VARIABLE_FILTER_OPERATORS = ['eq', 'neq', 'gt', 'gteq', 'lt', 'lteq', 'like'] as const;
export const VariableFilterOperatorSchema = Type.Union(VARIABLE_FILTER_OPERATORS.map((o) => Type.Literal(o)));
export type VariableFilterOperator = Static<typeof VariableFilterOperatorSchema>;

/** POST form of a variable filter; keeps the JSON type of `value` (spec 1.8). */
export const VariableFilterSchema = Type.Object({
  name: Type.String(),
  operator: VariableFilterOperatorSchema,
  value: Type.Unknown(),
});
export type VariableFilter = Static<typeof VariableFilterSchema>;
