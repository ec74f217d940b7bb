/**
 * Fragments of variable filters (`processVariables=name_op_value`, `variables=…`, correlation
 * keys): one EXISTS over the `variable` projection per condition. `value` is jsonb, so each
 * comparison first asks what JSON type the stored value has; the CASE keeps a numeric or
 * timestamp cast from ever running on a value of another type.
 */

/** `condition` is evaluated with `v` bound to the named variable of the instance in `instanceColumn`. */
export const variableExists = (instanceColumn: string, nameParam: string, condition: string): string =>
  `EXISTS (SELECT 1 FROM variable v WHERE v.process_instance_id = ${instanceColumn} AND v.name = ${nameParam} AND ${condition})`;

/** The scalar as text; not `#>> '{}'`, whose braces SqlFilter would read as a placeholder. */
export const scalarText = `(jsonb_build_array(v.value) ->> 0)`;
export const isDate = `v.type = 'Date' AND jsonb_typeof(v.value) = 'string'`;
export const isNumber = `jsonb_typeof(v.value) = 'number'`;
export const isString = `jsonb_typeof(v.value) = 'string'`;
export const isBoolean = `jsonb_typeof(v.value) = 'boolean'`;
export const isNull = `(v.value IS NULL OR v.value = 'null'::jsonb)`;

export const compareDate = (op: string, p: string): string => `${scalarText}::timestamptz ${op} ${p}::timestamptz`;
export const compareNumber = (op: string, p: string): string => `${scalarText}::numeric ${op} ${p}::numeric`;
export const compareText = (op: string, p: string): string => `${scalarText} ${op} ${p}::text`;

/** Typed equality (correlation keys): the stored JSON must be the same JSON value. */
export const equalsJson = (p: string): string => `v.value = ${p}::jsonb`;
