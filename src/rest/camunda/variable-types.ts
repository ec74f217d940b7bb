/**
 * The Camunda variable types (spec 1.7) and their in-memory shape. `CAMUNDA_TYPES` is the one
 * list: schemas, the case-insensitive lookup and the codec table (which TypeScript forces to
 * cover every entry) are derived from it.
 */

export const CAMUNDA_TYPES = [
  'String',
  'Integer',
  'Long',
  'Short',
  'Double',
  'Boolean',
  'Date',
  'Null',
  'Json',
  'Xml',
  'Object',
  'File',
  'Bytes',
] as const;

export type CamundaType = (typeof CAMUNDA_TYPES)[number];

const byLowerCase = new Map<string, CamundaType>(CAMUNDA_TYPES.map((t) => [t.toLowerCase(), t]));

/** `string`, `String`, `STRING` → `String`; undefined for a name that is not a Camunda type. */
export function resolveCamundaType(name: string): CamundaType | undefined {
  return byLowerCase.get(name.toLowerCase());
}

/** Content of a `Bytes` variable. */
export interface BytesContent {
  base64: string;
}

/** Content of a `File` variable; `filename`, `mimeType` and `encoding` mirror its valueInfo. */
export interface FileContent extends BytesContent {
  filename: string;
  mimeType?: string;
  encoding?: string;
}

interface TypedValueBase {
  /** Type-specific metadata (`objectTypeName`, `filename`, …); never holds `transient`. */
  valueInfo: Record<string, unknown>;
  /** Visible to the step it is passed to, never persisted (`valueInfo.transient` on the wire). */
  transient?: boolean;
}

/**
 * A decoded variable. `value` is what the engine works with: a Date for `Date`, the parsed
 * structure for `Json`, the serialized text for `Xml`/`Object`. Camunda allows a typed null
 * (`{"type":"Integer","value":null}`) for every type but `File`.
 */
export type TypedValue = TypedValueBase &
  (
    | { type: 'String' | 'Xml' | 'Object'; value: string | null }
    | { type: 'Integer' | 'Long' | 'Short' | 'Double'; value: number | null }
    | { type: 'Boolean'; value: boolean | null }
    | { type: 'Date'; value: Date | null }
    | { type: 'Null'; value: null }
    | { type: 'Json'; value: unknown }
    | { type: 'Bytes'; value: BytesContent | null }
    | { type: 'File'; value: FileContent }
  );

/** Decoded variables by name. */
export type VariableMap = Record<string, TypedValue>;

/** valueInfo keys kept per type; anything else a client sends is dropped (spec 1.4). */
export const VALUE_INFO_KEYS: Readonly<Record<CamundaType, readonly string[]>> = {
  String: [],
  Integer: [],
  Long: [],
  Short: [],
  Double: [],
  Boolean: [],
  Date: [],
  Null: [],
  Json: [],
  Xml: [],
  Object: ['objectTypeName', 'serializationDataFormat'],
  File: ['filename', 'mimeType', 'encoding'],
  Bytes: [],
};
