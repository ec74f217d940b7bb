/**
 * Which event would catch a BPMN error thrown at an activity. Camunda ends the execution when
 * nothing catches a worker's bpmnError; bpmn-elements instead fails the whole run. So the
 * service looks for a catcher first and only throws when there is one. The search mirrors
 * bpmn-elements' matching: an error event without an error reference catches every code; with
 * one, the referenced `bpmn:Error`'s errorCode must equal the thrown code.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-elements' definition context is untyped */

interface ActivityDef {
  id: string;
  type: string;
  parent?: { id: string; type: string };
  behaviour?: {
    attachedTo?: { id: string };
    triggeredByEvent?: boolean;
    errorCode?: unknown;
    eventDefinitions?: Array<{ type: string; behaviour?: Record<string, any> }>;
  };
}

export interface ErrorCatcher {
  /** The boundary event or the event sub-process start event that catches. */
  activityId: string;
  /** `camunda:errorCodeVariable` / `camunda:errorMessageVariable` of the catching definition. */
  errorCodeVariable?: string;
  errorMessageVariable?: string;
}

/**
 * @param owner the waiting activity (`wait.api.owner`)
 * @param resolve evaluates an errorCode that is an expression
 */
export function findErrorCatcher(owner: any, code: string, resolve: (expr: string) => unknown): ErrorCatcher | undefined {
  const defs = (owner?.context?.definitionContext?.getActivities?.() ?? []) as ActivityDef[];
  const byId = new Map(defs.map((d) => [d.id, d]));
  const matches = (d: ActivityDef): ErrorCatcher | undefined => {
    for (const ed of d.behaviour?.eventDefinitions ?? []) {
      if (ed.type !== 'bpmn:ErrorEventDefinition') continue;
      const refId = ed.behaviour?.errorRef?.id as string | undefined;
      const ref = refId === undefined ? undefined : byId.get(refId);
      if (ref !== undefined) {
        const raw = ref.behaviour?.errorCode;
        const expected = typeof raw === 'string' && /[$#]\{/.test(raw) ? resolve(raw) : raw;
        if (`${String(expected)}` !== code) continue;
      }
      return {
        activityId: d.id,
        errorCodeVariable: stringOrUndefined(ed.behaviour?.errorCodeVariable),
        errorMessageVariable: stringOrUndefined(ed.behaviour?.errorMessageVariable),
      };
    }
    return undefined;
  };

  let current: string = owner.id;
  let parentId: string | undefined = owner.parent?.id;
  for (let depth = 0; depth < 100; depth++) {
    for (const d of defs) {
      if (d.type === 'bpmn:BoundaryEvent' && d.behaviour?.attachedTo?.id === current) {
        const hit = matches(d);
        if (hit) return hit;
      }
    }
    for (const sub of defs) {
      if (sub.type !== 'bpmn:SubProcess' || !sub.behaviour?.triggeredByEvent || sub.parent?.id !== parentId) continue;
      for (const start of defs) {
        if (start.type !== 'bpmn:StartEvent' || start.parent?.id !== sub.id) continue;
        const hit = matches(start);
        if (hit) return hit;
      }
    }
    const parent = parentId === undefined ? undefined : byId.get(parentId);
    if (parent === undefined) return undefined;
    current = parent.id;
    parentId = parent.parent?.id;
  }
  return undefined;
}

function stringOrUndefined(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
