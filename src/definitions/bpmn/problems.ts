import type { ElementPositions } from './element-positions.js';
import { nearestId, type ModdleElement } from './moddle-types.js';
import type { BpmnProblem } from './types.js';

/** Where a problem points: a moddle element (its nearest id is used) or an element id. */
export type ProblemTarget = ModdleElement | string | undefined;

/** Collects errors and warnings, placing each at the line of the element it names. */
export class Problems {
  readonly errors: BpmnProblem[] = [];
  readonly warnings: BpmnProblem[] = [];
  readonly #errorIds = new Set<string>();

  constructor(private readonly positions: ElementPositions) {}

  error(target: ProblemTarget, message: string, related: string[] = []): void {
    const problem = this.#make(target, message, related);
    if (problem.elementId) this.#errorIds.add(problem.elementId);
    this.errors.push(problem);
  }

  warn(target: ProblemTarget, message: string, related: string[] = []): void {
    this.warnings.push(this.#make(target, message, related));
  }

  /** Problems already positioned elsewhere (e.g. from bpmn-moddle's messages). */
  add(errors: BpmnProblem[], warnings: BpmnProblem[] = []): void {
    for (const e of errors) if (e.elementId) this.#errorIds.add(e.elementId);
    this.errors.push(...errors);
    this.warnings.push(...warnings);
  }

  hasErrorFor(elementId: string): boolean {
    return this.#errorIds.has(elementId);
  }

  #make(target: ProblemTarget, message: string, related: string[]): BpmnProblem {
    const elementId = typeof target === 'string' ? target : nearestId(target);
    if (!elementId) return { message };
    const ids = [elementId, ...related.filter((id) => id !== elementId)];
    return { message, ...this.positions.positionOf(elementId), elementId, elementIds: ids };
  }
}

/** Problems in document order; those without a line (document-wide) last. */
export function byLine(problems: BpmnProblem[]): BpmnProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? Infinity) - (b.p.line ?? Infinity) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}
