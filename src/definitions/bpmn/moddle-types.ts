/**
 * The slice of bpmn-moddle's object tree this module reads. Its shipped types describe the BPMN
 * schema only, not the Camunda extension attributes, so we read elements as loose records.
 */
export interface ModdleElement {
  readonly $type: string;
  readonly $parent?: ModdleElement;
  readonly $attrs?: Record<string, string>;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

export interface ModdleWarning {
  message: string;
  element?: ModdleElement;
  property?: string;
  value?: string;
  error?: Error;
}

export interface ModdleContext {
  rootElement: ModdleElement;
  elementsById: Record<string, ModdleElement>;
  references: Array<{ element: ModdleElement; property: string; id: string }>;
  warnings: ModdleWarning[];
}

export function isModdleElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** Elements of a many-valued property (`flowElements`, `eventDefinitions`…), never undefined. */
export function many(element: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = element?.[property];
  return Array.isArray(value) ? value.filter(isModdleElement) : [];
}

export function child(element: ModdleElement | undefined, property: string): ModdleElement | undefined {
  const value = element?.[property];
  return isModdleElement(value) ? value : undefined;
}

export function text(element: ModdleElement | undefined, property: string): string | undefined {
  const value = element?.[property];
  return typeof value === 'string' ? value : undefined;
}

/** `extensionElements` children of one type, e.g. `camunda:InputOutput`. */
export function extensions(element: ModdleElement | undefined, type: string): ModdleElement[] {
  return many(child(element, 'extensionElements'), 'values').filter((v) => v.$type === type);
}

/**
 * The id to name in a problem: the element's own, or its nearest ancestor's. Event definitions
 * and Camunda extension elements are parts of an element, so their owner is named instead.
 */
export function nearestId(element: ModdleElement | undefined): string | undefined {
  for (let e = element; e; e = e.$parent) {
    if (e.id && !e.$type.startsWith('camunda:') && !e.$type.endsWith('EventDefinition')) return e.id;
  }
  return undefined;
}
