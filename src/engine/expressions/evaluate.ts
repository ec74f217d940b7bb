// Tree-walking evaluator. Every operation goes through coerce.ts or access.ts; there is no
// path from an AST node to eval, Function, vm or a function value found in data.
import { ExpressionEvaluationError } from './errors.js';
import { compare, isEmpty, looseEquals, toBoolean, toNumber, toText, type Problem } from './coerce.js';
import { callFunction, callMethod, environmentView, executionView, lookupVariable, readProperty } from './access.js';
import type { Node } from './parser.js';
import type { Scope } from './scope.js';

export function evaluateNode(node: Node, scope: Scope): unknown {
  const problem: Problem = (reason, cause) => {
    throw new ExpressionEvaluationError(scope.expression, reason, cause === undefined ? undefined : { cause });
  };
  const run = (n: Node): unknown => {
    switch (n.type) {
      case 'literal':
        return n.value;
      case 'identifier':
        return identifier(n.name, scope, problem);
      case 'member':
      case 'index': {
        const target = run(n.object);
        const key = n.type === 'member' ? n.property : run(n.index);
        if (target === null || target === undefined) {
          return problem(`Cannot read property '${toText(key)}' of ${String(target)}`);
        }
        return readProperty(target, key);
      }
      case 'function':
        return callFunction(scope, n.name, n.args.map(run), problem);
      case 'method':
        return callMethod(scope, run(n.object), n.name, n.args.map(run), problem);
      case 'unary': {
        const value = run(n.operand);
        if (n.op === '-') return -toNumber(value, problem);
        if (n.op === '!') return !toBoolean(value, problem);
        return isEmpty(value);
      }
      case 'logical': {
        const left = toBoolean(run(n.left), problem);
        if (n.op === '&&' ? !left : left) return left;
        return toBoolean(run(n.right), problem);
      }
      case 'conditional':
        return toBoolean(run(n.test), problem) ? run(n.consequent) : run(n.alternate);
      case 'binary': {
        const left = run(n.left);
        const right = run(n.right);
        switch (n.op) {
          case '==': return looseEquals(left, right);
          case '!=': return !looseEquals(left, right);
          case '<': case '>': case '<=': case '>=': return compare(n.op, left, right, problem);
          case '+':
            // Pragmatic deviation from JUEL (which has no string `+`): a string on either
            // side concatenates, because diagrams drawn by JS-minded authors expect it.
            if (typeof left === 'string' || typeof right === 'string') return toText(left) + toText(right);
            return toNumber(left, problem) + toNumber(right, problem);
          case '-': return toNumber(left, problem) - toNumber(right, problem);
          case '*': return toNumber(left, problem) * toNumber(right, problem);
          case '/': return toNumber(left, problem) / toNumber(right, problem);
          case '%': return toNumber(left, problem) % toNumber(right, problem);
        }
      }
    }
  };
  return run(node);
}

// Lookup order: input mappings, process variables, then the three built-in names. Anything
// else is Camunda's "Cannot resolve identifier" so a typo in a condition fails loudly.
function identifier(name: string, scope: Scope, problem: Problem): unknown {
  const variable = lookupVariable(scope, name);
  if (variable.found) return variable.value;
  switch (name) {
    case 'environment': return environmentView(scope);
    case 'execution': return executionView(scope);
    case 'content': return scope.content;
  }
  return problem(`Cannot resolve identifier '${name}'`);
}
