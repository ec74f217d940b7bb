import { text, type ModdleElement } from '../moddle-types.js';
import { formalExpressionsOf, ioValuesOf } from './expression-sources.js';
import { allowedFormatsText, isAllowedFormat, type ProcessRule, type RuleContext } from './rule-context.js';

/**
 * Script languages. bpmn-engine's default script runner is node:vm, which is no sandbox, so the
 * engine only gets the languages listed in `allowedScriptFormats` (default: juel, evaluated by
 * our expression evaluator). External script files (`camunda:resource`) are never fetched.
 */
export const checkScripts: ProcessRule = (_process, elements, ctx) => {
  for (const element of elements) {
    if (element.$type === 'bpmn:ScriptTask') checkScriptTask(element, ctx);
    for (const { where, expression } of formalExpressionsOf(element)) {
      const language = text(expression, 'language');
      if (language !== undefined && !isAllowedFormat(ctx, language)) {
        ctx.problems.error(element, `Script language '${language}' of ${where} is not supported; use ${allowedFormatsText(ctx)} or an expression`);
      }
      if (text(expression, 'resource') !== undefined) {
        ctx.problems.error(element, `External script resources (camunda:resource) in ${where} are not supported`);
      }
    }
    for (const { where, script } of ioValuesOf(element)) {
      if (script) checkFormatAndResource(element, script, `camunda:script in ${where}`, ctx);
    }
  }
};

function checkScriptTask(task: ModdleElement, ctx: RuleContext): void {
  const format = text(task, 'scriptFormat');
  if (!format?.trim()) ctx.problems.error(task, 'Script task has no scriptFormat');
  else if (!isAllowedFormat(ctx, format)) {
    ctx.problems.error(task, `Script format '${format}' is not supported; use ${allowedFormatsText(ctx)}`);
  }
  if (text(task, 'resource') !== undefined) {
    ctx.problems.error(task, 'External script resources (camunda:resource) are not supported');
  } else if (!text(task, 'script')?.trim()) {
    ctx.problems.error(task, 'Script task has no script');
  }
}

function checkFormatAndResource(owner: ModdleElement, script: ModdleElement, where: string, ctx: RuleContext): void {
  const format = text(script, 'scriptFormat');
  if (!format?.trim()) ctx.problems.error(owner, `${where} has no scriptFormat`);
  else if (!isAllowedFormat(ctx, format)) {
    ctx.problems.error(owner, `Script format '${format}' of ${where} is not supported; use ${allowedFormatsText(ctx)}`);
  }
  if (text(script, 'resource') !== undefined) {
    ctx.problems.error(owner, `External script resources (camunda:resource) in ${where} are not supported`);
  }
}
