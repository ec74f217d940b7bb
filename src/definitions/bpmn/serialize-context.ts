import * as Elements from 'bpmn-elements';
import { TypeResolver, deserialize, map } from 'moddle-context-serializer';
import { child, many, type ModdleContext, type ModdleElement } from './moddle-types.js';
import type { Problems } from './problems.js';
import type { SerializedBpmnContext } from './types.js';
import { processesOf } from './walk.js';

/**
 * Root elements that only declare things (data types, interfaces, partners). The serializer files
 * every root element under `activities`, and bpmn-elements has no behaviour for these, so the
 * engine would refuse to load the diagram ("Unknown activity type bpmn:ItemDefinition").
 */
const DECLARATION_ROOTS = new Set([
  'bpmn:ItemDefinition',
  'bpmn:Interface',
  'bpmn:EndPoint',
  'bpmn:Resource',
  'bpmn:PartnerEntity',
  'bpmn:PartnerRole',
  'bpmn:CorrelationProperty',
]);

type Entity = { id?: string; type?: string; parent?: { type?: string } };

/**
 * The serialized context, byte for byte what bpmn-engine would build from the XML itself
 * (moddle-context-serializer's `serialize()`), minus what would crash it. Every entity is then
 * checked against bpmn-elements' behaviours, so a context that comes out of here loads.
 */
export function serializeContext(context: ModdleContext, problems: Problems): SerializedBpmnContext | undefined {
  dropUnroutableMessageFlows(context.rootElement, problems);
  let json: string;
  try {
    const mapped = map(context as never, undefined as never) as unknown as { definition: Entity & { name?: string }; activities: Entity[] };
    mapped.activities = mapped.activities.filter((a) => !(a.parent?.type === 'bpmn:Definitions' && DECLARATION_ROOTS.has(a.type ?? '')));
    const { definition } = mapped;
    json = JSON.stringify({ id: definition.id, type: definition.type, name: definition.name, ...mapped });
  } catch (err) {
    problems.error(undefined, `The diagram cannot be prepared for execution: ${(err as Error).message}`);
    return undefined;
  }
  checkResolvable(JSON.parse(json) as Record<string, Entity[]>, problems);
  return JSON.parse(json) as SerializedBpmnContext;
}

/** Same resolution bpmn-engine does when it loads the context, one entity at a time. */
function checkResolvable(mapped: Record<string, Entity[]>, problems: Problems): void {
  const resolve = TypeResolver(Elements as never) as (entity: Entity) => void;
  for (const key of ['processes', 'activities', 'dataObjects', 'dataStores', 'messageFlows', 'sequenceFlows', 'associations']) {
    for (const entity of mapped[key] ?? []) {
      try {
        resolve(entity);
      } catch (err) {
        if (entity.id && problems.hasErrorFor(entity.id)) continue;
        problems.error(entity.id, `<${entity.type}> cannot be run by the engine: ${(err as Error).message}`);
      }
    }
  }
}

/**
 * Message flows that touch a black-box pool (a participant without a process) or an element
 * inside a sub-process make moddle-context-serializer throw. Camunda ignores message flows
 * (messages are correlated by name), so they are dropped from the executable context: black-box
 * ones silently, since they are pure documentation, the others with a warning.
 */
function dropUnroutableMessageFlows(definitions: ModdleElement, problems: Problems): void {
  const topLevel = new Set(processesOf(definitions).flatMap((p) => many(p, 'flowElements')));
  for (const collaboration of many(definitions, 'rootElements')) {
    const flows = collaboration.messageFlows;
    if (!Array.isArray(flows)) continue;
    collaboration.messageFlows = flows.filter((flow: ModdleElement) => {
      const ends = [child(flow, 'sourceRef'), child(flow, 'targetRef')];
      if (ends.some((end) => !end || (end.$type === 'bpmn:Participant' && !child(end, 'processRef')))) return false;
      const routable = ends.every((end) => end!.$type === 'bpmn:Participant' || end!.$type === 'bpmn:Process' || topLevel.has(end!));
      if (!routable) problems.warn(flow, 'Message flow to or from an element inside a sub-process is ignored by the engine');
      return routable;
    });
  }
}

/** bpmn-elements behaviours to use instead of the defaults, as passed to `new Engine({ elements })`. */
export type ElementOverrides = Record<string, unknown>;

/**
 * Turns a stored serialized context (object or JSON text) into the object bpmn-engine's
 * `sourceContext` option wants: moddle-context-serializer's context API with behaviours resolved.
 * `elements` must be the very overrides given to the Engine, since behaviours are bound here.
 * Each call returns a fresh object; one result may be shared by many engines.
 */
export function toEngineSourceContext(serialized: SerializedBpmnContext | string, options: { elements?: ElementOverrides } = {}): unknown {
  const plain: unknown = typeof serialized === 'string' ? JSON.parse(serialized) : structuredClone(serialized);
  return deserialize(plain as never, TypeResolver({ ...Elements, ...options.elements } as never));
}
