// bpmn-moddle ships types for its elements only, and the UI's tsconfig has no
// resolveJsonModule (esbuild imports JSON itself): the little the form reader uses.
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: unknown; elementsById: Record<string, unknown>; warnings: unknown[] }>;
  }
}

declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}
