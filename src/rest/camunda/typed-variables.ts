/**
 * Camunda typed-variable maps (spec 1.7) in and out of the REST layer:
 *   wire  `{ name: { value, type, valueInfo } }`  ⇄  `VariableMap` (TypedValue per name)
 *   `VariableMap` → plain values for the engine, and ⇄ rows of the `variable` table.
 */
import { DEFAULT_TIME_ZONE } from './dates.js';
import { InvalidStoredVariableError, InvalidVariableError } from './errors.js';
import type { TypedValueResponse, VariableMapResponse } from './schemas.js';
import { CODECS, fileValueInfo, type Fail } from './variable-codecs.js';
import {
  resolveCamundaType,
  VALUE_INFO_KEYS,
  type CamundaType,
  type FileContent,
  type TypedValue,
  type VariableMap,
} from './variable-types.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

/** The type Camunda infers for an untyped JSON value, or a JS value the engine produced. */
export function typedValueOf(value: unknown): TypedValue {
  const valueInfo = {};
  if (value === null || value === undefined) return { type: 'Null', value: null, valueInfo };
  if (typeof value === 'boolean') return { type: 'Boolean', value, valueInfo };
  if (typeof value === 'string') return { type: 'String', value, valueInfo };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { type: 'Double', value: null, valueInfo };
    if (!Number.isInteger(value)) return { type: 'Double', value, valueInfo };
    if (value >= INT32_MIN && value <= INT32_MAX) return { type: 'Integer', value, valueInfo };
    return Number.isSafeInteger(value) ? { type: 'Long', value, valueInfo } : { type: 'Double', value, valueInfo };
  }
  if (typeof value === 'bigint') {
    const n = Number(value);
    return Number.isSafeInteger(n) ? { type: 'Long', value: n, valueInfo } : { type: 'String', value: value.toString(), valueInfo };
  }
  if (value instanceof Date) return { type: 'Date', value: Number.isNaN(value.getTime()) ? null : value, valueInfo };
  if (value instanceof Uint8Array) {
    return { type: 'Bytes', value: { base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') }, valueInfo };
  }
  if (typeof value === 'object') return { type: 'Json', value, valueInfo };
  return { type: 'Null', value: null, valueInfo };
}

function cleanValueInfo(type: CamundaType, raw: Record<string, unknown>, fail: Fail): Record<string, unknown> {
  const info: Record<string, unknown> = {};
  // The worker client spells it `mimetype`; Camunda reads only `mimeType` (spec 1.7).
  const source = type === 'File' && raw.mimeType === undefined ? { ...raw, mimeType: raw.mimetype } : raw;
  for (const key of VALUE_INFO_KEYS[type]) {
    const v = source[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') fail(`valueInfo.${key} must be a string`);
    info[key] = v;
  }
  return info;
}

/**
 * Decodes one wire entry `{ value, type?, valueInfo? }`. Throws InvalidVariableError naming
 * `field` (e.g. `variables.amount`) for anything Camunda would refuse.
 */
export function decodeTypedValue(dto: unknown, field: string): TypedValue {
  const fail: Fail = (reason) => {
    throw new InvalidVariableError(field, reason);
  };
  if (!isPlainObject(dto)) return fail('must be an object {"value": …, "type": …, "valueInfo": {…}}');
  const rawInfo = dto.valueInfo ?? {};
  if (!isPlainObject(rawInfo)) return fail('valueInfo must be an object');
  const transient = rawInfo.transient;
  if (transient !== undefined && typeof transient !== 'boolean') fail('valueInfo.transient must be true or false');

  let decoded: TypedValue;
  if (dto.type === undefined || dto.type === null || dto.type === '') {
    decoded = typedValueOf(dto.value);
  } else {
    if (typeof dto.type !== 'string') return fail(`Unsupported value type '${JSON.stringify(dto.type)}'`);
    const type = resolveCamundaType(dto.type);
    if (type === undefined) return fail(`Unsupported value type '${dto.type}'`);
    const valueInfo = cleanValueInfo(type, rawInfo, fail);
    const raw = dto.value;
    const value = raw === null || raw === undefined ? null : CODECS[type].decode(raw, valueInfo, fail, type);
    if (value === null && type === 'File') return fail("File variable requires a base64 'value'");
    decoded = { type, value, valueInfo } as TypedValue;
  }
  if (transient === true) decoded.transient = true;
  return decoded;
}

/**
 * Decodes a wire variable map. `null`/absent gives an empty map (the Modeler sends
 * `"variables": null`). `field` prefixes error paths: `variables`, `localVariables`, ….
 */
export function decodeVariables(dto: unknown, field = 'variables'): VariableMap {
  if (dto === null || dto === undefined) return {};
  if (!isPlainObject(dto)) throw new InvalidVariableError(field, 'must be an object mapping variable names to typed values');
  const map: VariableMap = {};
  for (const [name, entry] of Object.entries(dto)) map[name] = decodeTypedValue(entry, `${field}.${name}`);
  return map;
}

export interface EncodeOptions {
  /** Zone Date values are written in; default Asia/Shanghai. */
  timeZone?: string;
}

/** TypedValue → wire `{ type, value, valueInfo }` with Camunda's capitalised type name. */
export function encodeTypedValue(tv: TypedValue, options: EncodeOptions = {}): TypedValueResponse {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const value = tv.value === null || tv.value === undefined ? null : CODECS[tv.type].encode(tv.value, timeZone);
  const valueInfo = tv.type === 'File' ? fileValueInfo(tv.value) : { ...tv.valueInfo };
  if (tv.transient === true) valueInfo.transient = true;
  return { type: tv.type, value, valueInfo };
}

export function encodeVariables(map: VariableMap, options: EncodeOptions = {}): VariableMapResponse {
  const out: VariableMapResponse = {};
  for (const [name, tv] of Object.entries(map)) out[name] = encodeTypedValue(tv, options);
  return out;
}

/** Plain values for the engine: Date for Date, parsed JSON for Json, FileContent for File. */
export function toEngineVariables(map: VariableMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, tv] of Object.entries(map)) out[name] = tv.value;
  return out;
}

/**
 * Engine values → TypedValues by inference (`typedValueOf`). Types that cannot be inferred
 * from a JS value (File, Object, Xml, Short) survive only when kept as TypedValues.
 */
export function fromEngineVariables(values: Record<string, unknown>): VariableMap {
  const map: VariableMap = {};
  for (const [name, value] of Object.entries(values)) map[name] = typedValueOf(value);
  return map;
}

/** The variables that may be persisted: everything but transient ones. */
export function withoutTransient(map: VariableMap): VariableMap {
  return Object.fromEntries(Object.entries(map).filter(([, tv]) => tv.transient !== true));
}

/** A row of the `variable` table: `value` is jsonb (Date as ISO text, Json as the parsed JSON). */
export interface StoredVariable {
  name: string;
  type: CamundaType;
  value: unknown;
  valueInfo: Record<string, unknown>;
}

export function toStored(name: string, tv: TypedValue): StoredVariable {
  const value = tv.value === null || tv.value === undefined ? null : CODECS[tv.type].store(tv.value);
  const valueInfo = tv.type === 'File' ? fileValueInfo(tv.value as FileContent) : { ...tv.valueInfo };
  return { name, type: tv.type, value, valueInfo };
}

/** Reads a row back. Throws InvalidStoredVariableError for a row no codec can read (a bug, 500). */
export function fromStored(row: { name: string; type: string; value: unknown; valueInfo?: Record<string, unknown> | null }): TypedValue {
  const type = resolveCamundaType(row.type);
  if (type === undefined) throw new InvalidStoredVariableError(row.name, `unknown type '${row.type}'`);
  const valueInfo = { ...(row.valueInfo ?? {}) };
  // A Json variable whose JSON is `null` is stored as jsonb null, which is still a value.
  if (row.value === null && type !== 'File') return { type, value: null, valueInfo } as TypedValue;
  const value = CODECS[type].load(row.value, valueInfo);
  if (value === undefined) throw new InvalidStoredVariableError(row.name, `value does not fit type ${type}`);
  return { type, value, valueInfo } as TypedValue;
}
