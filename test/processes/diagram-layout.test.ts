import t from 'tap';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
// bpmn-moddle 10 has no types for its main entry (see src/definitions/bpmn/read-moddle.ts).
// @ts-ignore TS7016
import { BpmnModdle as UntypedBpmnModdle } from 'bpmn-moddle';

/* eslint-disable @typescript-eslint/no-explicit-any -- moddle elements are untyped */

// Checks the diagram interchange of every process in processes/, so each opens cleanly in
// Camunda Modeler and bpmn-js: every flow node has a shape and every flow an edge; no shape,
// label or edge sits on another; edges start and end on their shapes; left to right.

const require = createRequire(import.meta.url);
const camunda = require('camunda-bpmn-moddle/resources/camunda.json') as object;
const BpmnModdle = UntypedBpmnModdle as new (packages: object) => { fromXML(xml: string): Promise<{ rootElement: any; warnings: unknown[] }> };
const dir = new URL('../../processes/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort();

interface Box { x: number; y: number; width: number; height: number }
type Point = { x: number; y: number };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const shrink = (b: Box, d: number): Box => ({ x: b.x + d, y: b.y + d, width: b.width - 2 * d, height: b.height - 2 * d });
const onBorder = (p: Point, b: Box, tolerance = 1) => {
  const inX = p.x >= b.x - tolerance && p.x <= b.x + b.width + tolerance;
  const inY = p.y >= b.y - tolerance && p.y <= b.y + b.height + tolerance;
  const nearX = Math.abs(p.x - b.x) <= tolerance || Math.abs(p.x - (b.x + b.width)) <= tolerance;
  const nearY = Math.abs(p.y - b.y) <= tolerance || Math.abs(p.y - (b.y + b.height)) <= tolerance;
  return (inX && nearY) || (inY && nearX);
};
/** Whether the segment passes through the box's inside (axis-parallel segments, as drawn here). */
function crosses(a: Point, b: Point, box: Box): boolean {
  const steps = Math.max(Math.abs(b.x - a.x), Math.abs(b.y - a.y));
  for (let i = 0; i <= steps; i += 2) {
    const p = { x: a.x + ((b.x - a.x) * i) / (steps || 1), y: a.y + ((b.y - a.y) * i) / (steps || 1) };
    if (p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height) return true;
  }
  return false;
}

function flowElements(container: any): any[] {
  return (container.flowElements ?? []).flatMap((e: any) => [e, ...(e.flowElements ? flowElements(e) : [])]);
}

t.ok(files.length >= 5, `processes/ holds the scheme diagrams (${files.join(', ')})`);

for (const file of files) {
  t.test(file, async (t) => {
    const { rootElement, warnings } = await new BpmnModdle({ camunda }).fromXML(readFileSync(new URL(file, dir), 'utf8'));
    t.same(warnings, [], 'bpmn-moddle reads it without warnings');
    const processes = rootElement.rootElements.filter((e: any) => e.$type === 'bpmn:Process');
    t.equal(processes.length, 1, 'one process');
    const [diagram] = rootElement.diagrams ?? [];
    t.ok(diagram, 'has a BPMNDiagram');
    t.equal(diagram.plane.bpmnElement?.id, processes[0].id, 'the plane shows the process');

    const elements = flowElements(processes[0]);
    const nodes = elements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
    const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
    const shapes = new Map<string, any>();
    const edges = new Map<string, any>();
    const dangling: string[] = [];
    for (const di of diagram.plane.planeElement) {
      const id = di.bpmnElement?.id;
      if (!id) dangling.push(di.id);
      else (di.$type === 'bpmndi:BPMNShape' ? shapes : edges).set(id, di);
    }
    t.same(dangling, [], 'every shape and edge points at an element that exists');
    const missingShapes = nodes.filter((n) => !shapes.has(n.id)).map((n) => n.id);
    t.same(missingShapes, [], 'every flow node has a shape');
    const missingEdges = flows.filter((f) => !(edges.get(f.id)?.waypoint?.length >= 2)).map((f) => f.id);
    t.same(missingEdges, [], 'every sequence flow has an edge with waypoints');

    const host = (n: any): string | undefined => n.attachedToRef?.id;
    const boxes = nodes.map((n) => ({ id: n.id, node: n, box: shapes.get(n.id).bounds as Box }));
    const clashes: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (host(a.node) === b.id || host(b.node) === a.id) continue;
        if (overlaps(a.box, b.box)) clashes.push(`${a.id} / ${b.id}`);
      }
    }
    t.same(clashes, [], 'no two shapes overlap (a boundary event sits on its own task only)');

    const labels = [...shapes.values(), ...edges.values()]
      .filter((di) => di.label?.bounds)
      .map((di) => ({ id: di.bpmnElement.id, box: di.label.bounds as Box }));
    const labelClashes: string[] = [];
    for (const l of labels) {
      for (const b of boxes) if (b.id !== l.id && overlaps(l.box, b.box)) labelClashes.push(`label of ${l.id} / ${b.id}`);
      for (const m of labels) if (m.id < l.id && overlaps(l.box, m.box)) labelClashes.push(`label of ${l.id} / label of ${m.id}`);
    }
    t.same(labelClashes, [], 'no label sits on a shape or on another label');

    const badEnds: string[] = [];
    const through: string[] = [];
    for (const f of flows) {
      const points: Point[] = edges.get(f.id).waypoint;
      const source = shapes.get(f.sourceRef.id).bounds as Box;
      const target = shapes.get(f.targetRef.id).bounds as Box;
      if (!onBorder(points[0]!, source)) badEnds.push(`${f.id} does not start on ${f.sourceRef.id}`);
      if (!onBorder(points.at(-1)!, target)) badEnds.push(`${f.id} does not end on ${f.targetRef.id}`);
      for (const b of boxes) {
        if (b.id === f.sourceRef.id || b.id === f.targetRef.id || host(f.sourceRef) === b.id) continue;
        if (points.slice(1).some((p, k) => crosses(points[k]!, p, shrink(b.box, 2)))) through.push(`${f.id} runs through ${b.id}`);
      }
    }
    t.same(badEnds, [], 'edges start on their source and end on their target');
    t.same(through, [], 'no edge runs through a shape');

    const starts = boxes.filter((b) => b.node.$type === 'bpmn:StartEvent');
    const left = Math.min(...boxes.filter((b) => b.node.$type !== 'bpmn:StartEvent').map((b) => b.box.x));
    t.ok(starts.length > 0 && starts.every((s) => s.box.x + s.box.width <= left), 'laid out left to right: the start event is leftmost');
  });
}
