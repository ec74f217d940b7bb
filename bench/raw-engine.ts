import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { Engine } from 'bpmn-engine';
// bpmn-moddle 10 has no types for its main entry (as in src/definitions/bpmn/read-moddle.ts).
// @ts-ignore TS7016
import { BpmnModdle } from 'bpmn-moddle';
import * as Elements from 'bpmn-elements';
import serialize, { TypeResolver } from 'moddle-context-serializer';
import { Samples } from './stats.js';
import { ownCpuSeconds } from './cpu-time.js';

const require = createRequire(import.meta.url);
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json') as object;

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-engine's option and API types are `any` */

/** Same as the service's engines: bpmn-engine's debug logging off. */
const silentLogger = () => ({ debug() {}, error() {}, warn() {} });

export interface RawEngineResult {
  engineVersion: string;
  instances: number;
  perSecond: number;
  /** Start to end of one instance. */
  latency: Samples;
  /** CPU time of this process per instance, in ms (garbage collection included). */
  cpuMsPerInstance: number;
}

/**
 * The ceiling: plain bpmn-engine in memory on the same diagram, one instance after another,
 * `execute` with the start variables, `signal` the user task with the completion variables,
 * wait for `end`. The diagram is parsed once (the service also caches the parsed definition);
 * no database, no HTTP, no expression evaluator of ours.
 */
export async function rawEngineRate(xml: string, instances: number, variables: { start: object; complete: object }): Promise<RawEngineResult> {
  const moddle = new (BpmnModdle as any)({ camunda: camundaModdle });
  const parsed = await moddle.fromXML(xml);
  const sourceContext = (serialize as any)(parsed, (TypeResolver as any)(Elements));

  const runOne = async (i: number) => {
    const listener = new EventEmitter();
    listener.on('wait', (api: any) => api.signal(variables.complete));
    const engine = new (Engine as any)({ name: `raw-${i}`, sourceContext, Logger: silentLogger });
    const ended = new Promise<void>((resolve, reject) => {
      engine.once('end', () => resolve());
      engine.once('error', reject);
    });
    await engine.execute({ listener, variables: variables.start });
    await ended;
  };

  for (let i = 0; i < Math.min(50, instances); i++) await runOne(i); // warm-up, not counted
  const latency = new Samples();
  const began = performance.now();
  const cpuBefore = ownCpuSeconds();
  for (let i = 0; i < instances; i++) {
    const t0 = performance.now();
    await runOne(i);
    latency.add(performance.now() - t0);
  }
  const seconds = (performance.now() - began) / 1000;
  const cpuMsPerInstance = ((ownCpuSeconds() - cpuBefore) * 1000) / instances;
  // bpmn-engine's exports hide its package.json; the project pins the exact version.
  const engineVersion = (require('../package.json') as { dependencies: Record<string, string> }).dependencies['bpmn-engine'] ?? '?';
  return { engineVersion, instances, perSecond: instances / seconds, latency, cpuMsPerInstance };
}
