import { extensions, text, type ModdleElement } from '../moddle-types.js';
import type { ProcessRule } from './rule-context.js';

const LISTENER_TYPES = [
  ['camunda:ExecutionListener', 'camunda:executionListener'],
  ['camunda:TaskListener', 'camunda:taskListener'],
] as const;

/**
 * Listeners are not run by this service yet. Accepting them would deploy a diagram that
 * silently skips what its author wired in, so each one is an error naming how it was defined.
 */
export const checkListeners: ProcessRule = (process, elements, ctx) => {
  for (const element of [process, ...elements]) {
    for (const [type, tag] of LISTENER_TYPES) {
      for (const listener of extensions(element, type)) {
        ctx.problems.error(element, `${tag} (event '${text(listener, 'event') ?? '?'}', ${describe(listener)}) is not supported yet`);
      }
    }
  }
};

function describe(listener: ModdleElement): string {
  if (text(listener, 'class') !== undefined) return `camunda:class '${text(listener, 'class')}'`;
  if (text(listener, 'delegateExpression') !== undefined) return 'camunda:delegateExpression';
  if (text(listener, 'expression') !== undefined) return 'camunda:expression';
  if (listener.script) return 'camunda:script';
  return 'no implementation';
}
