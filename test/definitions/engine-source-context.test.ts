import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import t from 'tap';
import { Engine } from 'bpmn-engine';
import * as Elements from 'bpmn-elements';
import { parseBpmn, toEngineSourceContext } from '../../src/definitions/bpmn/index.js';
import { diagram, fixture } from './bpmn-helpers.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-engine's state and api objects */

const require = createRequire(import.meta.url);
const camunda = require('camunda-bpmn-moddle/resources/camunda.json') as object;

/** What the engine factory does: external service tasks wait like user tasks. */
function ExternalAsSignalTask(activityDef: any, context: any) {
  return activityDef.behaviour?.type === 'external' ? Elements.SignalTask(activityDef, context) : Elements.ServiceTask(activityDef, context);
}
const elements = { ServiceTask: ExternalAsSignalTask, SendTask: ExternalAsSignalTask };
const silent = () => ({ debug() {}, error() {}, warn() {} });

function waitFor(listener: EventEmitter, activityId: string): Promise<any> {
  return new Promise((resolve) => {
    const onWait = (api: any) => {
      if (api.id !== activityId) return;
      listener.off('wait', onWait);
      resolve(api);
    };
    listener.on('wait', onWait);
  });
}

t.test('serializedContext runs in bpmn-engine and recovers a source-less state', async (t) => {
  const parsed = await parseBpmn(fixture('camunda-modeler-7.bpmn'), { resourceName: 'workorder.bpmn' });
  const stored = JSON.stringify(parsed.serializedContext); // what a definitions table holds

  const listener = new EventEmitter();
  const engine = new Engine({
    name: 'first',
    sourceContext: toEngineSourceContext(stored, { elements }),
    moddleOptions: { camunda },
    elements,
    Logger: silent,
  } as any);
  const waiting = waitFor(listener, 'Activity_register');
  const execution = await engine.execute({ listener } as any);
  const api = await waiting;
  t.equal(api.type, 'bpmn:UserTask');
  t.equal(api.owner.behaviour.candidateGroups, 'dispatchers', 'camunda attributes survive serialization');
  t.same(execution.getPostponed().map((p: any) => p.id), ['Activity_register']);

  const state: any = await engine.getState();
  await engine.stop();
  for (const definition of state.definitions) delete definition.source; // keep states slim
  const persisted = JSON.parse(JSON.stringify(state));

  const resumedListener = new EventEmitter();
  const recovered = new Engine({
    name: 'second',
    sourceContext: toEngineSourceContext(parsed.serializedContext, { elements }),
    moddleOptions: { camunda },
    elements,
    Logger: silent,
  } as any).recover(persisted);
  const rewaiting = waitFor(resumedListener, 'Activity_register');
  const resumed: any = await recovered.resume({ listener: resumedListener } as any);
  await rewaiting;

  const ended = recovered.waitFor('end');
  // `${valid}` is not understood by bpmn-elements' default expressions: the default flow is taken.
  resumed.signal({ id: 'Activity_register' });
  await ended;
  t.same(
    resumed.definitions[0].getProcesses()[0].getActivityById('Event_rejected').counters,
    { taken: 1, discarded: 0 },
    'reached the default end event',
  );
});

t.test('the context is the one bpmn-engine builds from the XML itself', async (t) => {
  const full = fixture('camunda-modeler-7.bpmn');
  // bpmn-engine's own serializer throws on a message flow to a black-box pool; we drop it.
  await t.rejects(new Engine({ source: full, moddleOptions: { camunda } } as any).getDefinitions(), /reading 'id'/);

  const xml = full.replace(/<bpmn:messageFlow[^>]*\/>/, '');
  const state: any = await new Engine({ source: xml, moddleOptions: { camunda }, Logger: silent } as any).getState();
  const parsed = await parseBpmn(xml, { resourceName: 'workorder.bpmn' });
  t.equal(JSON.stringify(parsed.serializedContext), state.definitions[0].source);
});

t.test('declaration-only root elements do not stop the engine from loading', async (t) => {
  const xml = diagram(
    '    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>\n' +
      '    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_1" />\n' +
      '    <bpmn:userTask id="Task_1"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:userTask>',
    '\n  <bpmn:itemDefinition id="ItemDefinition_order" structureRef="Order" />',
  );
  const parsed = await parseBpmn(xml, { resourceName: 'items.bpmn' });
  const listener = new EventEmitter();
  const engine = new Engine({ name: 'items', sourceContext: toEngineSourceContext(parsed.serializedContext), Logger: silent } as any);
  const waiting = waitFor(listener, 'Task_1');
  await engine.execute({ listener } as any);
  t.equal((await waiting).id, 'Task_1');
  await engine.stop();
});

t.test('toEngineSourceContext returns a fresh object each time and leaves its input alone', async (t) => {
  const parsed = await parseBpmn(fixture('camunda-modeler-7.bpmn'), { resourceName: 'workorder.bpmn' });
  const before = JSON.stringify(parsed.serializedContext);
  const a: any = toEngineSourceContext(parsed.serializedContext);
  const b: any = toEngineSourceContext(parsed.serializedContext);
  t.not(a, b);
  t.equal(JSON.stringify(parsed.serializedContext), before);
  t.equal(a.getProcessById('Process_workorder').id, 'Process_workorder');
  t.equal(typeof a.getActivityById('Activity_register').Behaviour, 'function');
  t.same(JSON.parse(a.serialize()), parsed.serializedContext, 'serialize() gives the stored form back (what getState() embeds)');
});
