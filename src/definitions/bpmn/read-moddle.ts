import { createRequire } from 'node:module';
// bpmn-moddle 10 ships types for its schema (`bpmn-moddle/types`) but none for its main entry;
// a local ignore keeps an ambient declaration out of the shared type space.
// @ts-ignore TS7016
import { BpmnModdle as UntypedBpmnModdle } from 'bpmn-moddle';
import type { ElementPositions } from './element-positions.js';
import { nearestId, type ModdleContext, type ModdleWarning } from './moddle-types.js';
import type { SourceText } from './source-text.js';
import type { BpmnProblem } from './types.js';

const require = createRequire(import.meta.url);
export const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json') as Record<string, unknown>;

const BpmnModdle = UntypedBpmnModdle as new (packages: Record<string, unknown>) => {
  fromXML(xml: string, options: { lax: boolean }): Promise<unknown>;
};

export type ModdleResult =
  | { ok: true; context: ModdleContext; errors: BpmnProblem[]; warnings: BpmnProblem[] }
  | { ok: false; errors: BpmnProblem[] };

/**
 * Runs bpmn-moddle (with the Camunda extension) and turns its complaints into problems.
 *
 * Strict (`lax: false`): the first unknown or misplaced element ends the parse. In lax mode
 * bpmn-moddle asks saxen for a position per complaint, and each answer costs a scan from the
 * start of the document, so a diagram full of unknown elements would stall the event loop.
 * Unknown attributes and unresolved references are collected either way (they cost nothing).
 */
export async function readModdle(source: SourceText, positions: ElementPositions): Promise<ModdleResult> {
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  let context: ModdleContext;
  try {
    context = (await moddle.fromXML(source.text, { lax: false })) as ModdleContext;
  } catch (err) {
    const error = err as Error & { warnings?: ModdleWarning[] };
    const fromWarnings = (error.warnings ?? []).map((w) => fromPositioned(w.message, source, positions));
    const main = /^failed to parse document as/.test(error.message)
      ? fromWarnings.length
        ? undefined
        : { message: 'The root element must be <bpmn:definitions> in the BPMN 2.0 model namespace' }
      : fromPositioned(error.message, source, positions);
    return { ok: false, errors: dedupe([...(main ? [main] : []), ...fromWarnings]) };
  }

  const errors: BpmnProblem[] = [];
  const warnings: BpmnProblem[] = [];
  for (const warning of context.warnings) {
    const { problem, severity } = fromWarning(warning, source, positions);
    (severity === 'error' ? errors : warnings).push(problem);
  }
  return { ok: true, context, errors: dedupe(errors), warnings: dedupe(warnings) };
}

function fromWarning(warning: ModdleWarning, source: SourceText, positions: ElementPositions): { problem: BpmnProblem; severity: 'error' | 'warning' } {
  const elementId = nearestId(warning.element);
  const at = { ...positions.positionOf(elementId), ...(elementId && { elementId, elementIds: [elementId] }) };
  const type = warning.element?.$type;
  const unknownAttribute = /^unknown attribute <(.+)>$/.exec(warning.message);
  if (unknownAttribute) {
    return { problem: { message: `Unknown attribute '${unknownAttribute[1]}' on <${type}>`, ...at }, severity: 'error' };
  }
  const unresolved = /^unresolved reference <(.+)>$/.exec(warning.message);
  if (unresolved) {
    const property = (warning.property ?? 'reference').replace(/^bpmn:/, '');
    // Diagram interchange only draws the model; a stale shape does not change what runs.
    const diagramOnly = type?.startsWith('bpmndi:') ?? false;
    return {
      problem: { message: `${property} '${unresolved[1]}' of <${type}> does not exist`, ...at },
      severity: diagramOnly ? 'warning' : 'error',
    };
  }
  return { problem: fromPositioned(warning.message, source, positions), severity: 'error' };
}

/** bpmn-moddle's "unparsable content <x> detected\n\tline: L\n\tcolumn: C\n\tnested error: E" (0-based). */
function fromPositioned(message: string, source: SourceText, positions: ElementPositions): BpmnProblem {
  const m = /^unparsable content ?([\s\S]*?) detected\s*\n\s*line: (\d+)\s*\n\s*column: (\d+)\s*\n\s*nested error: ([\s\S]*)$/.exec(message);
  if (!m) return { message: `XML could not be read: ${message}` };
  const [, content = '', line, column, nested = ''] = m;
  const offset = source.offsetOfZeroBased(Number(line), Number(column));
  const elementId = positions.ownerAt(offset);
  const at = { ...source.positionAt(offset), ...(elementId && { elementId, elementIds: [elementId] }) };
  return { message: describe(nested.trim(), content.trim()), ...at };
}

function describe(nested: string, content: string): string {
  const tag = content.replace(/\/?>$/, '>');
  let m: RegExpExecArray | null;
  if ((m = /^unknown type <(.+)>$/.exec(nested))) return `Unknown element ${tag || `<${m[1]}>`}`;
  if ((m = /^duplicate ID <(.+)>$/.exec(nested))) return `Duplicate id '${m[1]}'`;
  if ((m = /^illegal ID <(.+)>$/.exec(nested))) return `Illegal id '${m[1]}'`;
  if ((m = /^unrecognized element <(.+)>$/.exec(nested))) return `Element <${m[1]}> is not allowed here`;
  if ((m = /^unexpected element <(.+)>$/.exec(nested))) {
    return `Unexpected root element <${m[1]}>; expected <bpmn:definitions> in the BPMN 2.0 model namespace`;
  }
  if (nested === 'missing start tag') return 'Malformed XML: no root element';
  return `Malformed XML: ${nested}${tag ? ` at ${tag.length > 60 ? tag.slice(0, 60) + '…' : tag}` : ''}`;
}

function dedupe(problems: BpmnProblem[]): BpmnProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.message}|${p.line}|${p.column}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
