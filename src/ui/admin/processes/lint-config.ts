/**
 * bpmnlint's configuration packed for the browser, the shape bpmnlint-pack-config and
 * rollup-plugin-bpmnlint generate: `{ config, resolver }`, the resolver answering from explicit
 * imports (a browser cannot require() rules by name). Every rule bpmnlint:recommended names is
 * imported, so extending it resolves; plus the console's own "suqiu" rules.
 */
import type { RuleFactory } from './lint-types.js';
import recommended from 'bpmnlint/config/recommended.js';
import { externalTopic, timerDefinition, userTaskPerformer } from './suqiu-rules.js';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process.js';
import conditionalEvent from 'bpmnlint/rules/conditional-event.js';
import conditionalFlows from 'bpmnlint/rules/conditional-flows.js';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event.js';
import fakeJoin from 'bpmnlint/rules/fake-join.js';
import global from 'bpmnlint/rules/global.js';
import labelRequired from 'bpmnlint/rules/label-required.js';
import linkEvent from 'bpmnlint/rules/link-event.js';
import noBpmndi from 'bpmnlint/rules/no-bpmndi.js';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork.js';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end.js';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split.js';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start.js';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway.js';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import standardSize from 'bpmnlint/rules/standard-size.js';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event.js';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway.js';
import superfluousLabel from 'bpmnlint/rules/superfluous-label.js';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination.js';

const BPMNLINT_RULES: Record<string, RuleFactory> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-event': conditionalEvent,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  'global': global,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'standard-size': standardSize,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

const SUQIU_RULES: Record<string, RuleFactory> = {
  'user-task-performer': userTaskPerformer,
  'timer-definition': timerDefinition,
  'external-topic': externalTopic,
};

const PACKAGES: Record<string, Record<string, RuleFactory>> = { bpmnlint: BPMNLINT_RULES, 'bpmnlint-plugin-suqiu': SUQIU_RULES };
const CONFIGS: Record<string, Record<string, unknown>> = { bpmnlint: { recommended } };

export const resolver = {
  resolveRule(pkg: string, name: string): RuleFactory {
    const rule = PACKAGES[pkg]?.[name];
    if (!rule) throw new Error(`cannot resolve rule <${pkg}/${name}>: not bundled`);
    return rule;
  },
  resolveConfig(pkg: string, name: string): unknown {
    const config = CONFIGS[pkg]?.[name];
    if (!config) throw new Error(`cannot resolve config <${pkg}/${name}>: not bundled`);
    return config;
  },
};

export const config = {
  extends: 'bpmnlint:recommended',
  rules: {
    // puyang's 审批延期 both continues and texts the requester: two unconditioned outgoing flows are a deliberate parallel split the engine runs.
    'no-implicit-split': 'warn',
    // xiangtan's 已回复？ merges the on-spot and online answers and decides in one gateway, as its notice draws it.
    'no-gateway-join-fork': 'warn',
    'suqiu/user-task-performer': 'error',
    'suqiu/timer-definition': 'error',
    'suqiu/external-topic': 'error',
  },
};

/** What bpmn-js-bpmnlint's `linting.bpmnlint` expects. */
export const packedLintConfig = { config, resolver };
