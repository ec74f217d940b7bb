import { child, extensions, many, text, type ModdleElement } from '../moddle-types.js';
import { formalExpressionsOf, ioValuesOf, juelBodyAsExpression } from './expression-sources.js';
import { checkExpression, hasExpression, type ProcessRule, type RuleContext } from './rule-context.js';

/** Attributes the service evaluates as expressions when they hold `${...}`. */
const EXPRESSION_ATTRIBUTES: ReadonlyArray<readonly [string, string]> = [
  ['assignee', 'camunda:assignee'],
  ['candidateUsers', 'camunda:candidateUsers'],
  ['candidateGroups', 'camunda:candidateGroups'],
  ['dueDate', 'camunda:dueDate'],
  ['followUpDate', 'camunda:followUpDate'],
  ['priority', 'camunda:priority'],
  ['formKey', 'camunda:formKey'],
  ['calledElement', 'calledElement'],
];

const CONDITIONS = new Set(['conditionExpression', 'condition', 'completionCondition', 'loopCondition']);

/** Hands every expression the diagram carries to `validateExpression`, naming where it sits. */
export const checkExpressions: ProcessRule = (_process, elements, ctx) => {
  for (const element of elements) {
    for (const [attribute, label] of EXPRESSION_ATTRIBUTES) checkExpression(ctx, element, label, text(element, attribute));
    checkExpression(ctx, element, 'camunda:collection', text(child(element, 'loopCharacteristics'), 'collection'));
    for (const { where, expression } of formalExpressionsOf(element)) checkFormalExpression(element, where, expression, ctx);
    for (const { where, value, script } of ioValuesOf(element)) {
      checkExpression(ctx, element, where, value);
      const body = text(script, 'value');
      if (script && body?.trim() && isJuel(text(script, 'scriptFormat'))) checkExpression(ctx, element, `camunda:script in ${where}`, juelBodyAsExpression(body));
    }
    const script = text(element, 'script');
    if (element.$type === 'bpmn:ScriptTask' && script?.trim() && isJuel(text(element, 'scriptFormat'))) {
      checkExpression(ctx, element, 'script', juelBodyAsExpression(script));
    }
    for (const form of extensions(element, 'camunda:FormData')) {
      for (const field of many(form, 'fields')) {
        checkExpression(ctx, element, `defaultValue of form field '${text(field, 'id')}'`, text(field, 'defaultValue'));
      }
    }
    for (const type of ['camunda:In', 'camunda:Out']) {
      for (const binding of extensions(element, type)) checkExpression(ctx, element, `${type} sourceExpression`, text(binding, 'sourceExpression'));
    }
    for (const errorDefinition of extensions(element, 'camunda:ErrorEventDefinition')) {
      checkExpression(ctx, element, 'camunda:errorEventDefinition', text(errorDefinition, 'expression'));
    }
  }
};

function checkFormalExpression(element: ModdleElement, where: string, expression: ModdleElement, ctx: RuleContext): void {
  const body = text(expression, 'body') ?? '';
  const language = text(expression, 'language');
  if (language !== undefined) {
    if (isJuel(language) && body.trim()) checkExpression(ctx, element, where, juelBodyAsExpression(body));
    return;
  }
  if (CONDITIONS.has(where) && !hasExpression(body)) {
    // bpmn-elements would take any non-empty literal as true and an empty one as false.
    ctx.problems.error(element, body.trim() ? `${where} '${body.trim()}' is not an expression; write \${...}` : `${where} is empty`);
    return;
  }
  checkExpression(ctx, element, where, body);
}

function isJuel(format: string | undefined): boolean {
  return format?.trim().toLowerCase() === 'juel';
}
