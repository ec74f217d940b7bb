import type { ModdleElement } from '../moddle-types.js';
import type { Problems } from '../problems.js';

export interface RuleContext {
  problems: Problems;
  /** Lower-case script languages that may appear in the diagram. */
  allowedScriptFormats: string[];
  validateExpression?: (text: string) => string | null;
  /** Whether the XML named this reference (e.g. `messageRef`), resolved or not. */
  namesReference(element: ModdleElement, property: string): boolean;
}

/** A check over one executable process: the process and all its flow elements (nested too). */
export type ProcessRule = (process: ModdleElement, elements: ModdleElement[], ctx: RuleContext) => void;

const EXPRESSION_START = /[$#]\{/;

export function hasExpression(text: string | undefined): boolean {
  return text !== undefined && EXPRESSION_START.test(text);
}

/**
 * Hands one text holding `${...}`/`#{...}` to the expression validator and records its verdict
 * on `target`. Texts without an expression are literals and are not checked here.
 */
export function checkExpression(ctx: RuleContext, target: ModdleElement, where: string, text: string | undefined): void {
  if (!ctx.validateExpression || text === undefined || !hasExpression(text)) return;
  let verdict: string | null;
  try {
    verdict = ctx.validateExpression(text);
  } catch (err) {
    verdict = err instanceof Error ? err.message : String(err);
  }
  if (verdict) {
    const shown = text.length > 80 ? text.slice(0, 80) + '…' : text;
    ctx.problems.error(target, `Invalid expression in ${where} '${shown}': ${verdict}`);
  }
}

export function isAllowedFormat(ctx: RuleContext, format: string): boolean {
  return ctx.allowedScriptFormats.includes(format.trim().toLowerCase());
}

export function allowedFormatsText(ctx: RuleContext): string {
  return ctx.allowedScriptFormats.length ? ctx.allowedScriptFormats.map((f) => `'${f}'`).join(', ') : 'none';
}
