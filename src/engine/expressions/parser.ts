// Pratt parser for the JUEL subset. Produces a small AST that evaluate.ts walks; nothing in it
// is ever turned back into JavaScript source.
import { tokenize, type Fail, type Token } from './tokenizer.js';

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<' | '>' | '<=' | '>=' | '==' | '!=';

export type Node =
  | { type: 'literal'; value: string | number | boolean | null; pos: number }
  | { type: 'identifier'; name: string; pos: number }
  | { type: 'member'; object: Node; property: string; pos: number }
  | { type: 'index'; object: Node; index: Node; pos: number }
  | { type: 'function'; name: string; args: Node[]; pos: number }
  | { type: 'method'; object: Node; name: string; args: Node[]; pos: number }
  | { type: 'unary'; op: '-' | '!' | 'empty'; operand: Node; pos: number }
  | { type: 'binary'; op: BinaryOp; left: Node; right: Node; pos: number }
  | { type: 'logical'; op: '&&' | '||'; left: Node; right: Node; pos: number }
  | { type: 'conditional'; test: Node; consequent: Node; alternate: Node; pos: number };

/** Parenthesis/unary/argument nesting allowed; bounds parser and evaluator recursion. */
export const MAX_DEPTH = 64;

// JUEL precedence, loosest first. `?:` is handled separately (binding power 1).
const BINARY_POWER = new Map(Object.entries({
  '||': 2, '&&': 3, '==': 4, '!=': 4, '<': 5, '>': 5, '<=': 5, '>=': 5,
  '+': 6, '-': 6, '*': 7, '/': 7, '%': 7,
}));

/** Parses `src.slice(start, end)` (the inside of one block) into an AST. */
export function parseExpression(src: string, start: number, end: number, fail: Fail): Node {
  const tokens = tokenize(src, start, end, fail);
  let at = 0;
  const peek = (): Token => tokens[at]!;
  const next = (): Token => tokens[at++]!;
  const isOp = (t: Token, op: string): boolean => t.kind === 'op' && t.op === op;
  const expect = (op: string): Token => {
    const t = next();
    if (!isOp(t, op)) fail(t.pos, `Expected '${op}' but found ${describe(t)}`);
    return t;
  };
  const nest = (t: Token, depth: number): number => {
    if (depth >= MAX_DEPTH) fail(t.pos, `Expression is nested deeper than ${MAX_DEPTH} levels`);
    return depth + 1;
  };

  function expression(minPower: number, depth: number): Node {
    let left = unary(depth);
    for (;;) {
      const t = peek();
      if (t.kind !== 'op') break;
      if (t.op === '?' && minPower < 1) {
        next();
        const inner = nest(t, depth);
        const consequent = expression(0, inner);
        expect(':');
        // Right-associative: `a ? b : c ? d : e` nests in the alternate.
        const alternate = expression(0, inner);
        left = { type: 'conditional', test: left, consequent, alternate, pos: t.pos };
        continue;
      }
      const power = BINARY_POWER.get(t.op);
      if (power === undefined || power <= minPower) break;
      next();
      // Left-associative chains loop here instead of recursing, so `a || b || c ...` with many
      // terms does not count against the depth limit.
      const right = expression(power, depth);
      left = t.op === '&&' || t.op === '||'
        ? { type: 'logical', op: t.op, left, right, pos: t.pos }
        : { type: 'binary', op: t.op as BinaryOp, left, right, pos: t.pos };
    }
    return left;
  }

  function unary(depth: number): Node {
    const t = peek();
    if (t.kind === 'op' && (t.op === '-' || t.op === '!' || t.op === 'empty')) {
      next();
      const operand = unary(nest(t, depth));
      return { type: 'unary', op: t.op, operand, pos: t.pos };
    }
    return postfix(primary(depth), depth);
  }

  function primary(depth: number): Node {
    const t = next();
    switch (t.kind) {
      case 'number': case 'string': case 'literal':
        return { type: 'literal', value: t.value, pos: t.pos };
      case 'name':
        if (isOp(peek(), '(')) {
          next();
          return { type: 'function', name: t.text, args: args(t, depth), pos: t.pos };
        }
        return { type: 'identifier', name: t.text, pos: t.pos };
      case 'op':
        if (t.op === '(') {
          const inner = expression(0, nest(t, depth));
          expect(')');
          return inner;
        }
    }
    return fail(t.pos, t.kind === 'eof' ? 'Unexpected end of expression' : `Unexpected ${describe(t)}`);
  }

  function postfix(node: Node, depth: number): Node {
    for (;;) {
      const t = peek();
      if (isOp(t, '.')) {
        next();
        const name = next();
        // After a dot any word is a property name, even a reserved one (`form.empty`).
        if (name.kind !== 'name' && name.kind !== 'literal' && !(name.kind === 'op' && /^\w+$/.test(name.text))) {
          fail(name.pos, `Expected a property name after '.' but found ${describe(name)}`);
        }
        if (isOp(peek(), '(')) {
          next();
          node = { type: 'method', object: node, name: name.text, args: args(name, depth), pos: name.pos };
        } else {
          node = { type: 'member', object: node, property: name.text, pos: name.pos };
        }
      } else if (isOp(t, '[')) {
        next();
        const index = expression(0, nest(t, depth));
        expect(']');
        node = { type: 'index', object: node, index, pos: t.pos };
      } else if (isOp(t, '(')) {
        // `a[b](...)`, `f()(...)`: only named functions and `.name(...)` methods are callable.
        return fail(t.pos, 'Only whitelisted functions and methods can be called');
      } else {
        return node;
      }
    }
  }

  // Called after the opening parenthesis has been consumed.
  function args(open: Token, depth: number): Node[] {
    const list: Node[] = [];
    const inner = nest(open, depth);
    if (isOp(peek(), ')')) { next(); return list; }
    for (;;) {
      list.push(expression(0, inner));
      const t = next();
      if (isOp(t, ')')) return list;
      if (!isOp(t, ',')) fail(t.pos, `Expected ',' or ')' but found ${describe(t)}`);
    }
  }

  const ast = expression(0, 0);
  const rest = peek();
  if (rest.kind !== 'eof') fail(rest.pos, `Unexpected ${describe(rest)}`);
  return ast;
}

function describe(t: Token): string {
  return t.kind === 'eof' ? 'end of expression' : `'${t.text}'`;
}
