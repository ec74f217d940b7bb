import { many, type ModdleElement } from '../moddle-types.js';
import type { RuleContext, ProcessRule } from './rule-context.js';

/**
 * Element types that bpmn-elements 17.3 either lacks (the engine would refuse to load the
 * diagram) or runs with semantics we have not verified against Camunda 7.
 */
export const UNSUPPORTED_ELEMENT_TYPES: Readonly<Record<string, string>> = {
  'bpmn:ComplexGateway': 'Complex gateways are not supported',
  'bpmn:Transaction': 'Transaction sub-processes are not supported',
  'bpmn:AdHocSubProcess': 'Ad-hoc sub-processes are not supported',
  'bpmn:ChoreographyTask': 'Choreographies are not supported',
  'bpmn:SubChoreography': 'Choreographies are not supported',
  'bpmn:CallChoreography': 'Choreographies are not supported',
  'bpmn:ImplicitThrowEvent': 'Implicit throw events are not supported',
};

export const UNSUPPORTED_EVENT_DEFINITIONS: Readonly<Record<string, string>> = {
  'bpmn:CancelEventDefinition': 'Cancel events (they belong to transactions) are not supported',
};

/** Root elements that describe something the engine cannot run. */
export const UNSUPPORTED_ROOT_ELEMENTS: Readonly<Record<string, string>> = {
  'bpmn:Choreography': 'Choreographies are not supported',
  'bpmn:GlobalConversation': 'Conversations are not supported',
  'bpmn:GlobalTask': 'Global tasks are not supported',
  'bpmn:GlobalUserTask': 'Global tasks are not supported',
  'bpmn:GlobalManualTask': 'Global tasks are not supported',
  'bpmn:GlobalScriptTask': 'Global tasks are not supported',
  'bpmn:GlobalBusinessRuleTask': 'Global tasks are not supported',
};

export const checkSupportedElements: ProcessRule = (_process, elements, ctx) => {
  for (const element of elements) {
    const reason = UNSUPPORTED_ELEMENT_TYPES[element.$type];
    if (reason) ctx.problems.error(element, `${reason} (<${element.$type}>)`);
    for (const definition of many(element, 'eventDefinitions')) {
      const why = UNSUPPORTED_EVENT_DEFINITIONS[definition.$type];
      if (why) ctx.problems.error(element, `${why} (<${definition.$type}>)`);
    }
  }
};

/** Document-level: choreographies, conversations and global tasks anywhere in the definitions. */
export function checkSupportedRootElements(definitions: ModdleElement, ctx: RuleContext): void {
  for (const root of many(definitions, 'rootElements')) {
    const reason = UNSUPPORTED_ROOT_ELEMENTS[root.$type];
    if (reason) ctx.problems.error(root, `${reason} (<${root.$type}>)`);
    if (root.$type === 'bpmn:Collaboration') {
      for (const conversation of many(root, 'conversations')) {
        ctx.problems.error(conversation, `Conversations are not supported (<${conversation.$type}>)`);
      }
    }
  }
}
