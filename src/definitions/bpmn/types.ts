/** One thing wrong (or worth a look) in an uploaded BPMN resource. Lines and columns are 1-based. */
export interface BpmnProblem {
  message: string;
  line?: number;
  column?: number;
  /** The BPMN element the problem is about (Camunda's `mainBpmnElementId`). */
  elementId?: string;
  /** Every BPMN element involved, `elementId` first (Camunda's `bpmnElementIds`). */
  elementIds?: string[];
}

export interface ParseBpmnOptions {
  /** File name of the resource, e.g. `order.bpmn`; carried into errors and Camunda's `details`. */
  resourceName: string;
  /**
   * Checks one text that holds `${...}` / `#{...}` (the whole text, e.g. `Case ${orderNo}`).
   * Returns an error message, or null when the text is fine.
   */
  validateExpression?: (text: string) => string | null;
  /** Script languages a diagram may use, compared case-insensitively. Default `['juel']`. */
  allowedScriptFormats?: string[];
  /** Largest accepted resource, in bytes of UTF-8. Default 5 MiB. */
  maxBytes?: number;
}

export interface BpmnProcessInfo {
  id: string;
  name?: string;
  isExecutable: boolean;
  versionTag?: string;
  /** Days, from `camunda:historyTimeToLive` (`180` or `P180D`). */
  historyTimeToLive?: number;
  startableInTasklist: boolean;
}

export interface BpmnElementInfo {
  id: string;
  /** Moddle type, e.g. `bpmn:UserTask`. */
  type: string;
  name?: string;
  /** The process the element belongs to (for elements in a sub-process: the enclosing process). */
  processId: string;
  line?: number;
  column?: number;
}

/**
 * moddle-context-serializer's mapped context as plain JSON: what `ContextApi.serialize()` returns,
 * parsed; the same shape bpmn-engine stores as `definitions[].source` in a state. Store it as-is;
 * turn it into the object bpmn-engine runs with `toEngineSourceContext()`.
 */
export interface SerializedBpmnContext {
  id: string;
  type: string;
  name?: string;
  definition: { id: string; type: string; name?: string; targetNamespace?: string; [key: string]: unknown };
  processes: unknown[];
  activities: unknown[];
  [key: string]: unknown;
}

export interface ParsedBpmn {
  definitionsId: string;
  targetNamespace: string;
  processes: BpmnProcessInfo[];
  executableProcessIds: string[];
  serializedContext: SerializedBpmnContext;
  elements: BpmnElementInfo[];
  warnings: BpmnProblem[];
}
