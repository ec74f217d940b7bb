import type { ElementPositions } from './element-positions.js';
import { many, type ModdleElement } from './moddle-types.js';
import type { BpmnElementInfo } from './types.js';

export function processesOf(definitions: ModdleElement): ModdleElement[] {
  return many(definitions, 'rootElements').filter((e) => e.$type === 'bpmn:Process');
}

/** Every flow element of a process, sub-process contents included, parents before children. */
export function flowElementsOf(container: ModdleElement): ModdleElement[] {
  const result: ModdleElement[] = [];
  const visit = (scope: ModdleElement) => {
    for (const element of many(scope, 'flowElements')) {
      result.push(element);
      if (Array.isArray(element.flowElements)) visit(element);
    }
  };
  visit(container);
  return result;
}

function lanesOf(process: ModdleElement): ModdleElement[] {
  const result: ModdleElement[] = [];
  const visit = (laneSets: ModdleElement[]) => {
    for (const laneSet of laneSets) {
      for (const lane of many(laneSet, 'lanes')) {
        result.push(lane);
        const childLaneSet = lane.childLaneSet as ModdleElement | undefined;
        if (childLaneSet) visit([childLaneSet]);
      }
    }
  };
  visit(many(process, 'laneSets'));
  return result;
}

/** The flat element list kept with a definition: flow elements and lanes of every process. */
export function listElements(definitions: ModdleElement, positions: ElementPositions): BpmnElementInfo[] {
  const result: BpmnElementInfo[] = [];
  for (const process of processesOf(definitions)) {
    for (const element of [...lanesOf(process), ...flowElementsOf(process)]) {
      if (!element.id) continue;
      result.push({
        id: element.id,
        type: element.$type,
        ...(element.name && { name: element.name }),
        processId: process.id!,
        ...positions.positionOf(element.id),
      });
    }
  }
  return result;
}
