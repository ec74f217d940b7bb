/**
 * Two versions of a scheme compared element by element with bpmn-js-differ. The differ's own
 * ChangeHandler only sees attributes set directly on a flow element, so a changed timer
 * expression (eventDefinitions → timeDate → body) or form field (extensionElements → …) would go
 * unreported; this handler attributes every nested change to the nearest flow element, with the
 * path to the value. It also takes jsondiffpatch's [old, new] pair in that order (the shipped
 * handler names them the other way round).
 */
import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import { diff } from 'bpmn-js-differ';

interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  $parent?: ModdleElement;
  bpmnElement?: ModdleElement;
  $instanceOf(type: string): boolean;
  $descriptor: { properties: Array<{ name: string }> };
  [key: string]: unknown;
}

export interface AttributeChange {
  path: string;
  oldValue: unknown;
  newValue: unknown;
}

export interface ElementChange {
  id: string;
  name: string;
  type: string;
  kind: 'added' | 'removed' | 'changed' | 'layout';
  attributes: AttributeChange[];
}

const TRACKED = ['bpmn:FlowElement', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:MessageFlow', 'bpmn:Process'];
const isTracked = (e: ModdleElement) => TRACKED.some((t) => e.$instanceOf(t));
const isDi = (e: ModdleElement) => e.$instanceOf('bpmndi:BPMNShape') || e.$instanceOf('bpmndi:BPMNEdge');

function isModdle(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as ModdleElement).$instanceOf === 'function';
}

/** Where `child` sits in `parent`: `timeDate`, `eventDefinitions[0]`. */
function slotOf(parent: ModdleElement, child: ModdleElement): string {
  for (const { name } of parent.$descriptor.properties) {
    const value = parent[name];
    if (value === child) return name.replace(/^\w+:/, '');
    if (Array.isArray(value) && value.includes(child)) return `${name.replace(/^\w+:/, '')}[${value.indexOf(child)}]`;
  }
  return child.$type.replace(/^\w+:/, '');
}

class NestedChangeHandler {
  readonly changes = new Map<string, ElementChange>();

  private entry(element: ModdleElement, kind: ElementChange['kind']): ElementChange {
    const id = element.id ?? '?';
    let change = this.changes.get(id);
    if (!change) {
      change = { id, name: element.name ?? '', type: element.$type, kind, attributes: [] };
      this.changes.set(id, change);
    } else if (kind !== 'layout' && change.kind === 'layout') change.kind = kind;
    return change;
  }

  /** The nearest tracked element above `model`, and the path from it down to `model`. */
  private owner(model: ModdleElement): { element: ModdleElement; path: string[] } | { di: ModdleElement } | null {
    const path: string[] = [];
    let current: ModdleElement | undefined = model;
    while (current) {
      if (isDi(current)) return current.bpmnElement ? { di: current.bpmnElement } : null;
      if (isTracked(current)) return { element: current, path };
      const parent: ModdleElement | undefined = current.$parent;
      if (parent) path.unshift(slotOf(parent, current));
      current = parent;
    }
    return null;
  }

  private record(model: ModdleElement, property: string, oldValue: unknown, newValue: unknown): void {
    const owner = this.owner(model);
    if (!owner) return;
    if ('di' in owner) {
      this.entry(owner.di, 'layout');
      return;
    }
    const change = this.entry(owner.element, 'changed');
    if (oldValue === undefined && newValue === undefined) return;
    change.attributes.push({ path: [...owner.path, property.replace(/^\w+:/, '')].join('.'), oldValue, newValue });
  }

  // The differ's handler interface: (model, property, first, second) with first = old, second = new.
  changed(model: ModdleElement, property: string, oldValue?: unknown, newValue?: unknown): void {
    if (isModdle(oldValue) || isModdle(newValue)) return; // a whole child replaced: its own fields follow
    this.record(model, property, oldValue, newValue);
  }

  /** Children without ids (form data, I/O mappings) compare by content, so an edit inside one
   * looks like removal plus addition; they wait here to be paired. */
  private readonly replaced = new Map<string, { model: ModdleElement; property: string; old?: ModdleElement; new?: ModdleElement }>();

  added(model: ModdleElement, property: string, element: unknown, index: number): void {
    if (isModdle(element) && isTracked(element)) return void this.entry(element, 'added');
    if (isDi(model) || (isModdle(element) && isDi(element))) return;
    if (isModdle(element) && !element.id) {
      this.pending(model, `${property}[${index}]`).new = element;
      return;
    }
    this.record(model, `${property}[${index}]`, null, describe(element));
  }

  removed(model: ModdleElement, property: string, element: unknown, index: number): void {
    if (isModdle(element) && isTracked(element)) return void this.entry(element, 'removed');
    if (isDi(model) || (isModdle(element) && isDi(element))) return;
    if (isModdle(element) && !element.id) {
      this.pending(model, `${property}[${index}]`).old = element;
      return;
    }
    this.record(model, `${property}[${index}]`, describe(element), null);
  }

  private pending(model: ModdleElement, property: string) {
    const key = `${model.id ?? model.$type}#${property}`;
    let slot = this.replaced.get(key);
    if (!slot) this.replaced.set(key, (slot = { model, property }));
    return slot;
  }

  /** Pairs the waiting children: same slot and type → their differing leaves; else added/removed. */
  settle(): void {
    for (const { model, property, old, new: next } of this.replaced.values()) {
      if (old && next && old.$type === next.$type) {
        for (const leaf of leafChanges(old, next, property)) this.record(model, leaf.path, leaf.oldValue, leaf.newValue);
      } else this.record(model, property, old ? describe(old) : null, next ? describe(next) : null);
    }
    this.replaced.clear();
  }

  moved(): void {
    /* order within a collection carries no meaning in a scheme */
  }
}

/** The simple values that differ between two elements of one type, walking their children. */
function leafChanges(a: unknown, b: unknown, path: string): AttributeChange[] {
  if (!isModdle(a) || !isModdle(b) || a.$type !== b.$type) {
    const [x, y] = [describe(a), describe(b)];
    return x === y || (x == null && y == null) ? [] : [{ path, oldValue: x ?? null, newValue: y ?? null }];
  }
  const out: AttributeChange[] = [];
  for (const { name } of a.$descriptor.properties) {
    const [x, y] = [a[name], b[name]];
    const sub = `${path}.${name.replace(/^\w+:/, '')}`;
    if (Array.isArray(x) || Array.isArray(y)) {
      const [xs, ys] = [(x ?? []) as unknown[], (y ?? []) as unknown[]];
      for (let i = 0; i < Math.max(xs.length, ys.length); i++) out.push(...leafChanges(xs[i], ys[i], `${sub}[${i}]`));
    } else out.push(...leafChanges(x, y, sub));
  }
  return out;
}

/** A short text for an added or removed child: its id, name or body, else its type. */
function describe(element: unknown): unknown {
  if (!isModdle(element)) return element;
  const label = element.id ?? element.name ?? (element as { body?: string }).body;
  return `${element.$type.replace(/^\w+:/, '')}${label ? ` ${String(label)}` : ''}`;
}

const moddle = new BpmnModdle({ camunda });

export async function parse(xml: string): Promise<ModdleElement> {
  return (await moddle.fromXML(xml)).rootElement as unknown as ModdleElement;
}

export async function compareVersions(leftXml: string, rightXml: string): Promise<ElementChange[]> {
  const [left, right] = await Promise.all([parse(leftXml), parse(rightXml)]);
  const handler = diff(left, right, new NestedChangeHandler());
  handler.settle();
  const order = { removed: 0, added: 1, changed: 2, layout: 3 } as const;
  return [...handler.changes.values()].filter((c) => c.kind !== 'changed' || c.attributes.length > 0).sort((a, b) => order[a.kind] - order[b.kind] || a.id.localeCompare(b.id));
}
