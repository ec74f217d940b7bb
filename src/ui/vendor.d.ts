/**
 * Types for the diagram packages that ship none (bpmn-js itself has its own), for every page
 * of the console in one place. Only what the pages touch is declared; everything else stays
 * opaque rather than `any`. The UI's tsconfig has no resolveJsonModule: esbuild imports JSON.
 */
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: Record<string, unknown>;
  export const BpmnPropertiesProviderModule: Record<string, unknown>;
  export const CamundaPlatformPropertiesProviderModule: Record<string, unknown>;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  const module: Record<string, unknown>;
  export default module;
}
declare module 'bpmn-js-bpmnlint' {
  const module: Record<string, unknown>;
  export default module;
}
declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: object;
  export default descriptor;
}
declare module 'bpmnlint/config/recommended.js' {
  const config: { rules: Record<string, string> };
  export = config;
}
declare module 'bpmnlint/rules/*' {
  const factory: import('./admin/processes/lint-types.js').RuleFactory;
  export = factory;
}
declare module 'bpmn-js-differ' {
  export class ChangeHandler {}
  export function diff<H extends object>(a: object, b: object, handler?: H): H;
}
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(extensions?: Record<string, object>);
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: object; elementsById: Record<string, unknown>; warnings: unknown[] }>;
  }
}
