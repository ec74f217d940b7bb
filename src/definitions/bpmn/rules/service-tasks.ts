import { extensions, many, text, type ModdleElement } from '../moddle-types.js';
import type { ProcessRule, RuleContext } from './rule-context.js';

const SERVICE_LIKE = new Set(['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask']);
const JAVA_ATTRIBUTES = ['class', 'delegateExpression', 'expression'] as const;
const EXTERNAL_HINT = `use camunda:type="external" with a camunda:topic`;

/**
 * Service, send and business-rule tasks run as Camunda external tasks, nothing else: there are
 * no Java delegates, connectors or DMN here, and bpmn-elements fails at run time on a service
 * task it cannot call. Message throw events with an implementation are refused for the same
 * reason (Camunda would run them like a service task).
 */
export const checkServiceTasks: ProcessRule = (_process, elements, ctx) => {
  for (const element of elements) {
    if (SERVICE_LIKE.has(element.$type)) checkServiceLike(element, ctx);
    for (const definition of many(element, 'eventDefinitions')) {
      if (definition.$type === 'bpmn:MessageEventDefinition') checkMessageImplementation(element, definition, ctx);
    }
  }
};

function checkServiceLike(task: ModdleElement, ctx: RuleContext): void {
  const kind = `<${task.$type}>`;
  let refused = false;
  for (const attribute of JAVA_ATTRIBUTES) {
    if (text(task, attribute) !== undefined) {
      ctx.problems.error(task, `camunda:${attribute} is not supported on ${kind}: Java delegates do not exist here; ${EXTERNAL_HINT}`);
      refused = true;
    }
  }
  if (extensions(task, 'camunda:Connector').length) {
    ctx.problems.error(task, `camunda:connector is not supported on ${kind}; ${EXTERNAL_HINT}`);
    refused = true;
  }
  if (text(task, 'decisionRef') !== undefined) {
    ctx.problems.error(task, `DMN decisions (camunda:decisionRef) are not supported on ${kind}; ${EXTERNAL_HINT}`);
    refused = true;
  }

  const type = text(task, 'type');
  if (type === 'external') {
    if (!text(task, 'topic')?.trim()) ctx.problems.error(task, `External task ${kind} needs a non-empty camunda:topic`);
  } else if (type !== undefined) {
    ctx.problems.error(task, `camunda:type '${type}' is not supported on ${kind}; ${EXTERNAL_HINT}`);
  } else if (!refused) {
    ctx.problems.error(task, `${kind} has no implementation; ${EXTERNAL_HINT}`);
  }
}

function checkMessageImplementation(event: ModdleElement, definition: ModdleElement, ctx: RuleContext): void {
  for (const attribute of JAVA_ATTRIBUTES) {
    if (text(definition, attribute) !== undefined) {
      ctx.problems.error(event, `camunda:${attribute} on a message event is not supported: Java delegates do not exist here; use a send task with camunda:type="external"`);
    }
  }
  if (text(definition, 'type') !== undefined) {
    ctx.problems.error(event, `camunda:type on a message event is not supported yet; use a send task with camunda:type="external"`);
  }
}
