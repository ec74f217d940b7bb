/**
 * Per-type conversions of a non-null variable value between the wire, the engine and the
 * `variable` table. Null values never reach a codec: they are typed nulls handled by the caller.
 */
import { formatCamundaDate, tryParseCamundaDate } from './dates.js';
import type { BytesContent, CamundaType, FileContent } from './variable-types.js';

/** Throws the caller's InvalidVariableError with `reason`. */
export type Fail = (reason: string) => never;

export interface Codec {
  /** Wire value (not null) and cleaned valueInfo → engine value. */
  decode(raw: unknown, valueInfo: Record<string, unknown>, fail: Fail, type: CamundaType): unknown;
  /** Engine value (not null) → wire value. */
  encode(value: unknown, timeZone: string): unknown;
  /** Engine value (not null) → JSON for the jsonb `value` column. */
  store(value: unknown): unknown;
  /** jsonb `value` (not null) and stored valueInfo → engine value; undefined if unreadable. */
  load(json: unknown, valueInfo: Record<string, unknown>): unknown;
}

const preview = (raw: unknown): string => {
  const s = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

/** Camunda's wording (`Cannot convert value 'abc' of type 'Integer'`) plus what was expected. */
export const cannotConvert = (raw: unknown, type: CamundaType, expected: string): string =>
  `Cannot convert value '${preview(raw)}' of type '${type}' (expected ${expected})`;

const identity = (v: unknown): unknown => v;

// Jackson, which Camunda uses for the conversion, accepts numbers and booleans as strings.
function integer(min: number, max: number, expected: string): Codec {
  return {
    decode(raw, _info, fail, type) {
      const n = typeof raw === 'string' && /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) fail(cannotConvert(raw, type, expected));
      return n;
    },
    encode: identity,
    store: identity,
    load: (json) => (typeof json === 'number' ? json : undefined),
  };
}

const text = (expected: string): Codec => ({
  decode(raw, _info, fail, type) {
    if (typeof raw !== 'string') fail(cannotConvert(raw, type, expected));
    return raw;
  },
  encode: identity,
  store: identity,
  load: (json) => (typeof json === 'string' ? json : undefined),
});

const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeBase64Text(raw: unknown, fail: Fail, type: CamundaType): string {
  const b64 = typeof raw === 'string' ? raw.replace(/\s+/g, '') : undefined;
  if (b64 === undefined || !BASE64_RE.test(b64) || b64.length % 4 === 1) fail(cannotConvert(raw, type, 'a base64 string'));
  return b64;
}

const optionalString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function fileContent(base64: string, info: Record<string, unknown>): FileContent {
  const file: FileContent = { base64, filename: String(info.filename) };
  const mimeType = optionalString(info.mimeType);
  const encoding = optionalString(info.encoding);
  if (mimeType !== undefined) file.mimeType = mimeType;
  if (encoding !== undefined) file.encoding = encoding;
  return file;
}

export const CODECS: Readonly<Record<CamundaType, Codec>> = {
  String: {
    decode(raw, _info, fail, type) {
      if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
      if (typeof raw !== 'string') fail(cannotConvert(raw, type, 'a string'));
      return raw;
    },
    encode: identity,
    store: identity,
    load: (json) => (typeof json === 'string' ? json : undefined),
  },
  Integer: integer(-2_147_483_648, 2_147_483_647, 'a 32-bit integer'),
  Short: integer(-32_768, 32_767, 'a 16-bit integer'),
  Long: integer(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 'an integer within ±9007199254740991'),
  Double: {
    decode(raw, _info, fail, type) {
      const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) fail(cannotConvert(raw, type, 'a finite number'));
      return n;
    },
    encode: identity,
    store: identity,
    load: (json) => (typeof json === 'number' ? json : undefined),
  },
  Boolean: {
    decode(raw, _info, fail, type) {
      if (typeof raw === 'boolean') return raw;
      const s = typeof raw === 'string' ? raw.toLowerCase() : undefined;
      if (s !== 'true' && s !== 'false') fail(cannotConvert(raw, type, 'true or false'));
      return s === 'true';
    },
    encode: identity,
    store: identity,
    load: (json) => (typeof json === 'boolean' ? json : undefined),
  },
  Date: {
    decode(raw, _info, fail, type) {
      const d = typeof raw === 'string' ? tryParseCamundaDate(raw) : undefined;
      if (d === undefined) fail(cannotConvert(raw, type, "a date like 2026-11-23T10:00:00.000+0800"));
      return d;
    },
    encode: (value, timeZone) => formatCamundaDate(value as Date, timeZone),
    store: (value) => (value as Date).toISOString(),
    load(json) {
      const d = typeof json === 'string' ? new Date(json) : undefined;
      return d !== undefined && !Number.isNaN(d.getTime()) ? d : undefined;
    },
  },
  Null: { decode: () => null, encode: () => null, store: () => null, load: () => null },
  Json: {
    decode(raw, _info, fail, type) {
      if (typeof raw !== 'string') return fail(cannotConvert(raw, type, 'a string containing JSON text'));
      try {
        return JSON.parse(raw) as unknown;
      } catch (err) {
        return fail(cannotConvert(raw, type, `JSON text: ${(err as Error).message}`));
      }
    },
    // The worker client JSON.parse()s a Json value: it must go out as text (spec 1.7).
    encode: (value) => JSON.stringify(value),
    store: identity,
    load: identity,
  },
  Xml: text('a string containing XML'),
  Object: text('a string with the serialized object'),
  File: {
    decode(raw, info, fail, type) {
      const base64 = decodeBase64Text(raw, fail, type);
      if (typeof info.filename !== 'string' || info.filename === '') {
        fail(`File variable requires valueInfo.filename (a non-empty string)`);
      }
      return fileContent(base64, info);
    },
    // Content is served by the …/data endpoints; responses carry only the metadata.
    encode: () => null,
    store: (value) => (value as FileContent).base64,
    load: (json, info) => (typeof json === 'string' && typeof info.filename === 'string' ? fileContent(json, info) : undefined),
  },
  Bytes: {
    decode: (raw, _info, fail, type): BytesContent => ({ base64: decodeBase64Text(raw, fail, type) }),
    encode: (value) => (value as BytesContent).base64,
    store: (value) => (value as BytesContent).base64,
    load: (json) => (typeof json === 'string' ? { base64: json } : undefined),
  },
};

/** The valueInfo a File value goes out with, rebuilt from its content so the two never drift. */
export function fileValueInfo(file: FileContent): Record<string, unknown> {
  const info: Record<string, unknown> = { filename: file.filename };
  if (file.mimeType !== undefined) info.mimeType = file.mimeType;
  if (file.encoding !== undefined) info.encoding = file.encoding;
  return info;
}
