import { child, many, text, type ModdleElement } from '../moddle-types.js';
import type { ProcessRule, RuleContext } from './rule-context.js';

/** Which reference an event definition needs, what it must point at, and what that must carry. */
const REFERENCES: Record<string, { property: string; type: string; keyAttribute: string; catchRequired: boolean; throwRequired: boolean }> = {
  'bpmn:MessageEventDefinition': { property: 'messageRef', type: 'bpmn:Message', keyAttribute: 'name', catchRequired: true, throwRequired: false },
  'bpmn:SignalEventDefinition': { property: 'signalRef', type: 'bpmn:Signal', keyAttribute: 'name', catchRequired: true, throwRequired: true },
  'bpmn:ErrorEventDefinition': { property: 'errorRef', type: 'bpmn:Error', keyAttribute: 'errorCode', catchRequired: false, throwRequired: true },
  'bpmn:EscalationEventDefinition': { property: 'escalationRef', type: 'bpmn:Escalation', keyAttribute: 'escalationCode', catchRequired: false, throwRequired: true },
};
const THROWING = new Set(['bpmn:IntermediateThrowEvent', 'bpmn:EndEvent']);

/**
 * Messages, signals, errors and escalations are matched by name or code at run time (`POST
 * /message` correlates on the message name), so a reference must exist, be of the right kind and
 * carry that key. Dangling ids are reported by bpmn-moddle already; this adds what it cannot see.
 */
export const checkReferences: ProcessRule = (_process, elements, ctx) => {
  for (const element of elements) {
    for (const definition of many(element, 'eventDefinitions')) {
      const rule = REFERENCES[definition.$type];
      if (rule) checkReference(element, definition, rule, THROWING.has(element.$type), ctx);
    }
    if (element.$type === 'bpmn:ReceiveTask' || element.$type === 'bpmn:SendTask') {
      checkTarget(element, child(element, 'messageRef'), REFERENCES['bpmn:MessageEventDefinition']!, ctx);
    }
    if (element.$type === 'bpmn:BoundaryEvent' && !child(element, 'attachedToRef') && !ctx.namesReference(element, 'attachedToRef')) {
      ctx.problems.error(element, 'Boundary event is not attached to an activity (attachedToRef)');
    }
  }
};

function checkReference(
  element: ModdleElement,
  definition: ModdleElement,
  rule: (typeof REFERENCES)[string],
  throwing: boolean,
  ctx: RuleContext,
): void {
  const target = child(definition, rule.property);
  if (!target) {
    // An id that does not resolve was reported by bpmn-moddle; only a missing attribute is ours.
    if (ctx.namesReference(definition, rule.property)) return;
    if (throwing ? rule.throwRequired : rule.catchRequired) {
      ctx.problems.error(element, `<${definition.$type}> has no ${rule.property}`);
    }
    return;
  }
  checkTarget(element, target, rule, ctx);
}

function checkTarget(element: ModdleElement, target: ModdleElement | undefined, rule: (typeof REFERENCES)[string], ctx: RuleContext): void {
  if (!target) return;
  if (target.$type !== rule.type) {
    ctx.problems.error(element, `${rule.property} '${target.id}' points at a <${target.$type}>, not a <${rule.type}>`, target.id ? [target.id] : []);
  } else if (!text(target, rule.keyAttribute)?.trim()) {
    ctx.problems.error(element, `<${rule.type}> '${target.id}' referenced here has no ${rule.keyAttribute}`, target.id ? [target.id] : []);
  }
}

