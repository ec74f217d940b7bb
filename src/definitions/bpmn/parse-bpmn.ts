import { ElementPositions } from './element-positions.js';
import { BpmnParseError } from './errors.js';
import { guardInput } from './guard-input.js';
import type { ModdleContext, ModdleElement } from './moddle-types.js';
import { byLine, Problems } from './problems.js';
import { readModdle } from './read-moddle.js';
import { readProcesses } from './read-processes.js';
import { runRules } from './rules/index.js';
import { serializeContext } from './serialize-context.js';
import { SourceText } from './source-text.js';
import type { ParseBpmnOptions, ParsedBpmn } from './types.js';
import { listElements, processesOf } from './walk.js';

export const DEFAULT_SCRIPT_FORMATS: readonly string[] = ['juel'];

/**
 * Parses and validates one uploaded BPMN resource. Resolves with what a deployment stores;
 * rejects with BpmnParseError listing every problem found (each with element id and line).
 *
 * Order matters: the security gate runs before any XML parser, the tag scan before bpmn-moddle
 * (see ElementPositions), and rules only once bpmn-moddle produced a tree.
 */
export async function parseBpmn(xml: string | Buffer, options: ParseBpmnOptions): Promise<ParsedBpmn> {
  const { resourceName } = options;
  const guarded = guardInput(xml, options.maxBytes);
  if (!guarded.ok) throw new BpmnParseError(resourceName, guarded.problems);

  const source = new SourceText(guarded.text);
  const positions = new ElementPositions(source);
  if (positions.syntaxProblems.length) throw new BpmnParseError(resourceName, positions.syntaxProblems);

  const read = await readModdle(source, positions);
  if (!read.ok) throw new BpmnParseError(resourceName, read.errors);

  const problems = new Problems(positions);
  problems.add(read.errors, read.warnings);
  const definitions = read.context.rootElement;
  const processes = readProcesses(definitions, problems);
  const executable = processesOf(definitions).filter((p) => p.isExecutable === true);
  if (!executable.length) {
    problems.error(undefined, 'No executable process: set isExecutable="true" on the process to deploy (a missing attribute counts as false)');
  }

  runRules(definitions, executable, {
    problems,
    allowedScriptFormats: (options.allowedScriptFormats ?? DEFAULT_SCRIPT_FORMATS).map((f) => f.trim().toLowerCase()),
    ...(options.validateExpression && { validateExpression: options.validateExpression }),
    namesReference: referenceIndex(read.context),
  });
  const serializedContext = problems.errors.length ? undefined : serializeContext(read.context, problems);

  const warnings = byLine(problems.warnings);
  if (problems.errors.length || !serializedContext) throw new BpmnParseError(resourceName, byLine(problems.errors), warnings);

  return {
    definitionsId: definitions.id ?? '',
    targetNamespace: typeof definitions.targetNamespace === 'string' ? definitions.targetNamespace : '',
    processes,
    executableProcessIds: executable.map((p) => p.id!),
    serializedContext,
    elements: listElements(definitions, positions),
    warnings,
  };
}

/** bpmn-moddle keeps every reference the XML named, resolved or not; properties are `bpmn:`-prefixed. */
function referenceIndex(context: ModdleContext): (element: ModdleElement, property: string) => boolean {
  const named = new Map<ModdleElement, Set<string>>();
  for (const { element, property } of context.references) {
    const local = property.slice(property.indexOf(':') + 1);
    (named.get(element) ?? named.set(element, new Set()).get(element)!).add(local);
  }
  return (element, property) => named.get(element)?.has(property) ?? false;
}
