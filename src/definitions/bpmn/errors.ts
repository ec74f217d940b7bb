import { Type, type Static } from '@sinclair/typebox';
import type { BpmnProblem } from './types.js';

/** The prefix Camunda Modeler recognises to show "Server could not parse the diagram". */
export const BPMN_PARSE_ERROR_PREFIX = 'ENGINE-09005 Could not parse BPMN process. Errors: ';

/** One entry of Camunda's ParseException `details[resource].errors` / `.warnings`. */
export const CamundaProblemSchema = Type.Object({
  message: Type.String(),
  line: Type.Integer(),
  column: Type.Integer(),
  mainBpmnElementId: Type.Union([Type.String(), Type.Null()]),
  bpmnElementIds: Type.Array(Type.String()),
});
export type CamundaProblemDto = Static<typeof CamundaProblemSchema>;

/**
 * Thrown when an uploaded BPMN resource cannot be deployed: unsafe or malformed XML, unknown
 * BPMN/Camunda content, no executable process, or anything the engine would not run. Maps to
 * HTTP 400 with Camunda's `ParseException` body.
 */
export class BpmnParseError extends Error {
  override readonly name = 'BpmnParseError';

  constructor(
    readonly resourceName: string,
    readonly problems: BpmnProblem[],
    readonly warnings: BpmnProblem[] = [],
  ) {
    super(BPMN_PARSE_ERROR_PREFIX + '\n' + problems.map(formatProblem).join('\n'));
  }

  /** Camunda's `details` object for the ParseException body (unknown line/column are 0). */
  toCamundaDetails(): Record<string, { errors: CamundaProblemDto[]; warnings: CamundaProblemDto[] }> {
    return { [this.resourceName]: { errors: this.problems.map(toDto), warnings: this.warnings.map(toDto) } };
  }
}

/** `* message | elementId | line 12` — the parts that are unknown are left out. */
export function formatProblem(problem: BpmnProblem): string {
  const parts = [problem.message];
  if (problem.elementId) parts.push(problem.elementId);
  if (problem.line !== undefined) parts.push(`line ${problem.line}`);
  return '* ' + parts.join(' | ');
}

function toDto(problem: BpmnProblem): CamundaProblemDto {
  return {
    message: problem.message,
    line: problem.line ?? 0,
    column: problem.column ?? 0,
    mainBpmnElementId: problem.elementId ?? null,
    bpmnElementIds: problem.elementIds ?? (problem.elementId ? [problem.elementId] : []),
  };
}
