// What an expression can see, built from the context bpmn-elements passes to
// resolveExpression: `{ environment, fields?, content?, properties? }`.

/**
 * Whitelisted helper. `this.variables` is a read-only copy of the evaluation scope;
 * `this.settings` a frozen copy of the engine's environment settings, where the engine host
 * puts facts about the instance that are not variables (its `tenantId`, which picks the
 * region's business calendar).
 */
export type ExpressionFunction = (
  this: { variables: Record<string, unknown>; settings: Readonly<Record<string, unknown>> },
  ...args: unknown[]
) => unknown;

export interface ExpressionOptions {
  /** The only functions a diagram may call, as `name(...)` or `environment.services.name(...)`. */
  functions?: Record<string, ExpressionFunction>;
}

export interface Scope {
  /** The template being evaluated, for error messages. */
  expression: string;
  /** Activity-local input mappings (`content.input`); looked up before process variables. */
  input: Record<string, unknown> | undefined;
  variables: Record<string, unknown>;
  content: unknown;
  settings: unknown;
  functions: Record<string, ExpressionFunction>;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Plain data objects: the only objects whose properties expressions may read. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value) || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function scopeFromContext(context: unknown, options: ExpressionOptions, expression: string): Scope {
  // The environment is bpmn-elements' Environment instance; we read it ourselves here, the
  // expression itself only ever sees the read-only view built in access.ts.
  const environment = isRecord(context) ? context.environment : undefined;
  const variables = isRecord(environment) && isRecord(environment.variables) ? environment.variables : {};
  const settings = isRecord(environment) ? environment.settings : undefined;
  const content = isRecord(context) ? context.content : undefined;
  const input = isRecord(content) && isPlainObject(content.input) ? content.input : undefined;
  return { expression, input, variables, content, settings, functions: options.functions ?? {} };
}
