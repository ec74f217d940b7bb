// JUEL-style coercions, kept strict where a silent JavaScript coercion would let a wrong
// condition pass (e.g. `1 && x`, `'abc' > 2` are errors, not guesses).
/** Raises an ExpressionEvaluationError naming the expression being evaluated. */
export type Problem = (reason: string, cause?: unknown) => never;

// Only zoned date-times and plain dates are instants; an offset-less date-time would depend
// on the server's time zone, so it stays a string (and same-format ISO strings still sort
// correctly as text).
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return 'a date';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

function parseNumber(value: string): number | undefined {
  const n = value.trim() === '' ? NaN : Number(value);
  return Number.isNaN(n) ? undefined : n;
}

/** Arithmetic operand. null/undefined count as 0, as in JUEL; numeric strings are converted. */
export function toNumber(value: unknown, problem: Problem): number {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'string' ? parseNumber(value) : undefined;
  return n ?? problem(`Cannot convert ${describe(value)} to a number`);
}

/** Operand of `! && || ?:`. Strings follow Java's Boolean.valueOf ("TRUE" is true). */
export function toBoolean(value: unknown, problem: Problem): boolean {
  if (typeof value === 'boolean') return value;
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  return problem(`Cannot convert ${describe(value)} to a boolean`);
}

/** How a value is written into a template with surrounding text. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  if (typeof value === 'object') {
    try { return JSON.stringify(value); } catch { return String(value); }
  }
  return String(value);
}

function instant(value: unknown): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return Date.parse(value);
  return undefined;
}

export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length === 0;
  return false;
}

/**
 * `==`. Never throws: values that cannot be coerced to each other are simply unequal, so
 * `${code == 1}` with code 'abc' is false rather than an error.
 */
export function looseEquals(left: unknown, right: unknown): boolean {
  const a = left ?? null;
  const b = right ?? null;
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) {
    const ia = instant(a);
    const ib = instant(b);
    return ia !== undefined && ia === ib;
  }
  if (typeof a === 'number' || typeof b === 'number') {
    const na = typeof a === 'string' ? parseNumber(a) : a;
    const nb = typeof b === 'string' ? parseNumber(b) : b;
    return typeof na === 'number' && na === nb;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const ba = typeof a === 'string' ? a.toLowerCase() === 'true' : a;
    const bb = typeof b === 'string' ? b.toLowerCase() === 'true' : b;
    return typeof ba === 'boolean' && ba === bb;
  }
  return false;
}

/** `< > <= >=`. Returns false when either side is null, as JUEL does; throws on mixed types. */
export function compare(op: '<' | '>' | '<=' | '>=', left: unknown, right: unknown, problem: Problem): boolean {
  if (left === null || left === undefined || right === null || right === undefined) return false;
  let a: number | string | boolean;
  let b: number | string | boolean;
  const ia = instant(left);
  const ib = instant(right);
  if (ia !== undefined && ib !== undefined) {
    [a, b] = [ia, ib];
  } else if (typeof left === 'number' || typeof right === 'number') {
    [a, b] = [toNumber(left, problem), toNumber(right, problem)];
  } else if (typeof left === 'string' && typeof right === 'string') {
    [a, b] = [left, right];
  } else if (typeof left === 'boolean' && typeof right === 'boolean') {
    [a, b] = [Number(left), Number(right)];
  } else {
    return problem(`Cannot compare ${describe(left)} with ${describe(right)}`);
  }
  switch (op) {
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
  }
}
