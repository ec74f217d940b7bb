import type { ModdleElement } from '../moddle-types.js';
import { flowElementsOf } from '../walk.js';
import { checkExpressions } from './expressions.js';
import { checkListeners } from './listeners.js';
import { checkReferences } from './references.js';
import type { ProcessRule, RuleContext } from './rule-context.js';
import { checkScripts } from './scripts.js';
import { checkServiceTasks } from './service-tasks.js';
import { checkSupportedElements, checkSupportedRootElements } from './supported-elements.js';
import { checkTimers } from './timers.js';

export type { RuleContext } from './rule-context.js';
export { UNSUPPORTED_ELEMENT_TYPES, UNSUPPORTED_EVENT_DEFINITIONS, UNSUPPORTED_ROOT_ELEMENTS } from './supported-elements.js';

const PROCESS_RULES: ProcessRule[] = [
  checkSupportedElements,
  checkServiceTasks,
  checkListeners,
  checkScripts,
  checkExpressions,
  checkTimers,
  checkReferences,
];

/**
 * Runs every rule. Process rules only look at executable processes: like Camunda, the service
 * never runs the others, so what they contain is documentation.
 */
export function runRules(definitions: ModdleElement, executableProcesses: ModdleElement[], ctx: RuleContext): void {
  checkSupportedRootElements(definitions, ctx);
  for (const process of executableProcesses) {
    const elements = flowElementsOf(process);
    for (const rule of PROCESS_RULES) rule(process, elements, ctx);
  }
}
