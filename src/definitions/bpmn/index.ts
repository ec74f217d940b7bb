/**
 * BPMN resources: parse and validate an uploaded Camunda Modeler (Camunda 7) diagram before it
 * is deployed, and prepare what the engine runs.
 *
 * - `parseBpmn(xml, { resourceName, validateExpression?, allowedScriptFormats?, maxBytes? })`
 *   refuses unsafe input (DOCTYPE/ENTITY, oversize, non-UTF-8) before any XML parser sees it,
 *   reports malformed XML and unknown BPMN/Camunda content with line numbers, and refuses
 *   what this engine does not run (see `UNSUPPORTED_*`, service tasks other than external
 *   tasks, listeners, script languages other than juel, invalid timers and expressions).
 *   Failures throw `BpmnParseError`, whose message starts with Camunda's
 *   `ENGINE-09005 Could not parse BPMN process.` prefix (the Modeler keys on it).
 * - `serializedContext` is plain JSON; `toEngineSourceContext(serializedContext, { elements })`
 *   gives the object for `new Engine({ sourceContext })`, also for a source-less `recover()`.
 * - `hashResource(xml)` is the duplicate-filtering hash.
 */
export { parseBpmn, DEFAULT_SCRIPT_FORMATS } from './parse-bpmn.js';
export { BpmnParseError, BPMN_PARSE_ERROR_PREFIX, CamundaProblemSchema, formatProblem, type CamundaProblemDto } from './errors.js';
export { toEngineSourceContext, type ElementOverrides } from './serialize-context.js';
export { hashResource } from './hash-resource.js';
export { DEFAULT_MAX_BYTES } from './guard-input.js';
export { UNSUPPORTED_ELEMENT_TYPES, UNSUPPORTED_EVENT_DEFINITIONS, UNSUPPORTED_ROOT_ELEMENTS } from './rules/index.js';
export type {
  BpmnElementInfo,
  BpmnProblem,
  BpmnProcessInfo,
  ParseBpmnOptions,
  ParsedBpmn,
  SerializedBpmnContext,
} from './types.js';
