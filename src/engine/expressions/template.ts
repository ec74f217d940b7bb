// Splits a template such as `Case ${orderNo} (${urgency})` into literal text and parsed
// `${...}` / `#{...}` blocks, and caches the result: the same gateway conditions and names are
// resolved on every token that passes, so parsing once per distinct string pays off.
import { ExpressionSyntaxError } from './errors.js';
import { parseExpression, type Node } from './parser.js';
import type { Fail } from './tokenizer.js';

/** Longest template we parse; a hostile diagram cannot make us chew on megabytes. */
export const MAX_EXPRESSION_LENGTH = 4000;
const CACHE_SIZE = 1000;

export interface Block { node: Node; start: number; end: number }
export interface Template {
  text: string;
  parts: Array<string | Block>;
  /** Set when the trimmed template is exactly one block: its raw value is the result. */
  single?: Node;
}

const cache = new Map<string, Template>();

/** True when the text contains a `${` or `#{` opener that is not escaped as `\${`. */
export function hasBlock(text: string): boolean {
  return /(?:^|[^\\])[$#]\{/.test(text);
}

export function compileTemplate(text: string): Template {
  return cached(text, () => split(text));
}

/** A bare expression (no `${}` around it), as used by `evaluate()`. */
export function compileExpression(text: string): Template {
  // NUL cannot start a diagram's template, so bare expressions never collide with templates.
  return cached(`\0${text}`, () => {
    const fail = failFor(text);
    checkLength(text, fail);
    const node = parseExpression(text, 0, text.length, fail);
    return { text, parts: [{ node, start: 0, end: text.length }], single: node };
  });
}

function cached(key: string, compile: () => Template): Template {
  const hit = cache.get(key);
  if (hit) {
    // Re-insert so the Map's insertion order approximates least-recently-used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  // Syntax errors are thrown here and not cached; deploy-time validation rejects such
  // diagrams, so they are not on the hot path.
  const compiled = compile();
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}

function failFor(text: string): Fail {
  return (position, reason) => { throw new ExpressionSyntaxError(text, position, reason); };
}

function checkLength(text: string, fail: Fail): void {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    fail(MAX_EXPRESSION_LENGTH, `Expression is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  }
}

function split(text: string): Template {
  const fail = failFor(text);
  checkLength(text, fail);
  const parts: Array<string | Block> = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    // JUEL escape: `\${` and `\#{` are literal text.
    if (c === '\\' && (text[i + 1] === '$' || text[i + 1] === '#') && text[i + 2] === '{') {
      literal += text.slice(i + 1, i + 3);
      i += 3;
      continue;
    }
    if ((c === '$' || c === '#') && text[i + 1] === '{') {
      const close = findClose(text, i + 2, fail);
      if (close === i + 2) fail(i, 'Empty expression');
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ node: parseExpression(text, i + 2, close, fail), start: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    literal += c;
    i++;
  }
  if (literal) parts.push(literal);
  const blocks = parts.filter((p): p is Block => typeof p !== 'string');
  // Conditions read from XML often carry surrounding newlines; Camunda trims them too, and
  // treating " ${a} " as text would make a false condition the truthy string "false".
  const only = blocks.length === 1 && parts.every((p) => typeof p !== 'string' || p.trim() === '');
  return { text, parts, ...(only && { single: blocks[0]!.node }) };
}

// The block ends at the first `}` outside a string literal; JUEL 2.2 has no braces inside.
function findClose(text: string, from: number, fail: Fail): number {
  let quote = '';
  let quoteAt = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
      quoteAt = i;
    } else if (c === '}') {
      return i;
    }
  }
  return quote ? fail(quoteAt, 'Unterminated string literal') : fail(from - 2, "Unterminated expression, missing '}'");
}
