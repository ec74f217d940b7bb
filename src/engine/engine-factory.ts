import { createRequire } from 'node:module';
import { Engine } from 'bpmn-engine';
import * as Elements from 'bpmn-elements';
import { TypeResolver, deserialize } from 'moddle-context-serializer';
import type { Clock } from '../clock/index.js';
import { DurableTimers } from './durable-timers.js';
import { clockedTimerEventDefinition } from './behaviours/timer-event-definition.js';
import { ExternalCapableServiceTask } from './behaviours/external-task.js';
import { CamundaInputOutput } from './behaviours/camunda-input-output.js';
import { createSafeScripts } from './behaviours/safe-scripts.js';

const require = createRequire(import.meta.url);
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json') as object;

/** What the engine needs to evaluate expressions: bpmn-elements' `expressions` contract. */
export interface ExpressionHandler {
  resolveExpression(template: string, context?: unknown, fnContext?: unknown): unknown;
  isExpression(text: string): boolean;
  hasExpression(text: string): boolean;
}

export interface EngineFactoryOptions {
  clock: Clock;
  expressions: ExpressionHandler;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-engine's option and state types are `any` */

/**
 * Builds engines that all behave the same. bpmn-engine persists none of its options, so the
 * engine that recovers an instance must come from the very factory that started it: same
 * element behaviours, timers, expressions and scripts.
 */
export class EngineFactory {
  readonly #elements: Record<string, unknown>;
  readonly #typeResolver: unknown;

  constructor(private readonly options: EngineFactoryOptions) {
    this.#elements = {
      ServiceTask: ExternalCapableServiceTask,
      SendTask: ExternalCapableServiceTask,
      BusinessRuleTask: ExternalCapableServiceTask,
      TimerEventDefinition: clockedTimerEventDefinition(options.clock),
    };
    this.#typeResolver = (TypeResolver as any)({ ...Elements, ...this.#elements });
  }

  /**
   * Turns a definition's stored context (the JSON text of moddle-context-serializer) into the
   * object engines run. Parse once per definition version and share it between engines.
   */
  loadSourceContext(serializedContext: string): unknown {
    return (deserialize as any)(JSON.parse(serializedContext), this.#typeResolver);
  }

  /**
   * `settings` become the engine's environment settings. The host passes facts about the
   * instance there (its tenant id) because whitelisted expression functions see them as
   * `this.settings`: the expressions object is shared by every engine of this factory, so it
   * cannot carry anything per instance itself. bpmn-engine stores settings in the engine state
   * and merges them back on recover; they are derived from the instance, so always equal.
   */
  create(name: string, sourceContext: unknown, settings: Record<string, unknown> = {}): { engine: any; timers: DurableTimers } {
    const timers = new DurableTimers(this.options.clock);
    const engine = new (Engine as any)({
      name,
      sourceContext,
      moddleOptions: { camunda: camundaModdle },
      elements: this.#elements,
      typeResolver: undefined,
      expressions: this.options.expressions,
      scripts: createSafeScripts(),
      timers,
      extensions: { camundaInputOutput: CamundaInputOutput },
      settings: { ...settings, enableDummyService: false },
      Logger: silentLogger,
    });
    return { engine, timers };
  }
}

/** bpmn-engine logs through `debug`; our logging is pino, at the host's level. */
function silentLogger() {
  const noop = () => {};
  return { debug: noop, error: noop, warn: noop };
}
