/**
 * Safe expression evaluator for the JUEL subset Camunda 7 diagrams use: `${approved}`,
 * `${urgency eq 'urgent' && extensions < 2}`, `${deadline(urgency)}`, `Case ${orderNo}`.
 *
 * Why hand-written: bpmn-elements' built-in resolver knows no operators or bare variable
 * names, inline scripts run through node:vm (not a sandbox), and house rules forbid running
 * anything from an uploaded diagram with eval/Function/vm. There is no maintained JUEL
 * implementation for JavaScript on npm (`juel` is an unrelated HTML templater), so this is a
 * small tokenizer + Pratt parser + tree-walking evaluator over plain data.
 *
 *   const engine = new Engine({ source, expressions: createExpressions({ functions }) });
 *   parseTemplate(conditionText);              // deploy time: throws ExpressionSyntaxError
 *   evaluate('level == 1', { level: 1 });      // true
 */
import { toText } from './coerce.js';
import { evaluateNode } from './evaluate.js';
import { collectIdentifiers } from './identifiers.js';
import { scopeFromContext, type ExpressionOptions } from './scope.js';
import { compileExpression, compileTemplate, hasBlock, type Template } from './template.js';

export { ExpressionEvaluationError, ExpressionSyntaxError } from './errors.js';
export type { ExpressionFunction, ExpressionOptions } from './scope.js';
export { MAX_DEPTH } from './parser.js';
export { MAX_EXPRESSION_LENGTH } from './template.js';

/** Drop-in for bpmn-elements' `Expressions` (EnvironmentOptions.expressions). */
export interface Expressions {
  resolveExpression(templatedString: string, context?: unknown, expressionFnContext?: unknown): unknown;
  isExpression(text: unknown): boolean;
  hasExpression(text: unknown): boolean;
}

export function createExpressions(options: ExpressionOptions = {}): Expressions {
  return {
    // bpmn-elements' third argument (`this` for its own function calls) is ignored on
    // purpose: whitelisted functions always get `{ variables, settings }` as `this`.
    resolveExpression: (templatedString, context) => resolve(templatedString, context, options),
    isExpression,
    hasExpression,
  };
}

/** Evaluates a bare expression (no `${}`) against plain variables; returns the raw value. */
export function evaluate(expressionText: string, variables: Record<string, unknown>, options: ExpressionOptions = {}): unknown {
  const compiled = compileExpression(expressionText);
  return evaluateNode(compiled.single!, scopeFromContext({ environment: { variables } }, options, expressionText));
}

/** Syntax check only; throws ExpressionSyntaxError (with `expression`, `position`). */
export function parseTemplate(template: string): void {
  compileTemplate(template);
}

/** Variable names a template reads, in order of first use (function names excluded). */
export function listIdentifiers(template: string): string[] {
  const names = new Set<string>();
  for (const part of compileTemplate(template).parts) {
    if (typeof part !== 'string') collectIdentifiers(part.node, names);
  }
  return [...names];
}

/** True when the trimmed text is exactly one `${...}` block, i.e. resolves to a raw value. */
export function isExpression(text: unknown): boolean {
  if (typeof text !== 'string' || !hasBlock(text)) return false;
  try {
    return compileTemplate(text).single !== undefined;
  } catch {
    return false;
  }
}

export function hasExpression(text: unknown): boolean {
  return typeof text === 'string' && hasBlock(text);
}

function resolve(template: unknown, context: unknown, options: ExpressionOptions): unknown {
  if (typeof template !== 'string' || (!template.includes('${') && !template.includes('#{'))) return template;
  const compiled: Template = compileTemplate(template);
  const scope = scopeFromContext(context, options, template);
  if (compiled.single) return evaluateNode(compiled.single, scope);
  return compiled.parts.map((p) => (typeof p === 'string' ? p : toText(evaluateNode(p.node, scope)))).join('');
}
