// Splits the inside of one `${...}` block into tokens. Positions are offsets into the whole
// template so syntax errors point at the character the diagram author sees.
export type Token =
  | { kind: 'number'; value: number; text: string; pos: number }
  | { kind: 'string'; value: string; text: string; pos: number }
  | { kind: 'literal'; value: boolean | null; text: string; pos: number }
  | { kind: 'name'; text: string; pos: number }
  // `text` is the raw source ("and"); `op` the normalised operator ("&&").
  | { kind: 'op'; op: string; text: string; pos: number }
  | { kind: 'eof'; text: ''; pos: number };

export type Fail = (position: number, reason: string) => never;

// JUEL's word operators are reserved words; we normalise them to the symbol form so the
// parser only knows one spelling. Maps, not object literals: `'constructor' in {}` is true.
const WORD_OPS = new Map(Object.entries({
  and: '&&', or: '||', not: '!', eq: '==', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=',
  div: '/', mod: '%', empty: 'empty', instanceof: 'instanceof',
}));
const LITERALS = new Map<string, boolean | null>([['true', true], ['false', false], ['null', null]]);
const TWO_CHAR_OPS = new Set(['==', '!=', '<=', '>=', '&&', '||']);
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '%', '<', '>', '!', '?', ':', '.', ',', '(', ')', '[', ']']);
// Unicode identifiers: variables with Chinese names (工单类型) are legal Java/JUEL identifiers.
const NAME = /[\p{ID_Start}_$][\p{ID_Continue}$]*/uy;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function tokenize(src: string, start: number, end: number, fail: Fail): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"' || c === "'") {
      const { value, next } = readString(src, i, end, fail);
      tokens.push({ kind: 'string', value, text: src.slice(i, next), pos: i });
      i = next;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(src);
    if (num && num.index === i && i + num[0].length <= end) {
      const text = num[0];
      NAME.lastIndex = i + text.length;
      if (NAME.test(src)) fail(i, `Invalid number '${text}${src[i + text.length]}'`);
      tokens.push({ kind: 'number', value: Number(text), text, pos: i });
      i += text.length;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(src);
    if (name && i + name[0].length <= end) {
      const text = name[0];
      const literal = LITERALS.get(text);
      const op = WORD_OPS.get(text);
      if (literal !== undefined) tokens.push({ kind: 'literal', value: literal, text, pos: i });
      else if (op !== undefined) tokens.push({ kind: 'op', op, text, pos: i });
      else tokens.push({ kind: 'name', text, pos: i });
      i += text.length;
      continue;
    }
    const two = src.slice(i, Math.min(i + 2, end));
    if (TWO_CHAR_OPS.has(two)) { tokens.push({ kind: 'op', op: two, text: two, pos: i }); i += 2; continue; }
    if (ONE_CHAR_OPS.has(c)) { tokens.push({ kind: 'op', op: c, text: c, pos: i }); i += 1; continue; }
    if (c === '=') fail(i, "Assignment is not supported, use '==' to compare");
    if (c === '&' || c === '|') fail(i, `Unexpected '${c}', use '${c}${c}'`);
    fail(i, `Unexpected character '${c}'`);
  }
  tokens.push({ kind: 'eof', text: '', pos: end });
  return tokens;
}

// JUEL string semantics: only \\, \' and \" are escapes; any other backslash is kept as
// written, so a Camunda diagram means the same thing here as in Camunda.
function readString(src: string, start: number, end: number, fail: Fail): { value: string; next: number } {
  const quote = src[start];
  let value = '';
  for (let i = start + 1; i < end; i++) {
    const c = src[i]!;
    if (c === quote) return { value, next: i + 1 };
    if (c === '\\' && i + 1 < end) {
      const n = src[i + 1]!;
      if (n === '\\' || n === "'" || n === '"') { value += n; i++; continue; }
    }
    value += c;
  }
  return fail(start, 'Unterminated string literal');
}
