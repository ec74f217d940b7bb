/** The service's answers these pages read (src/rest/regions, src/rest/engine-rest/dto.ts). */
export interface ProcessDefinition {
  id: string;
  key: string;
  name: string | null;
  version: number;
  resource: string | null;
  deploymentId: string;
  tenantId: string | null;
  versionTag: string | null;
}

export interface Activation {
  id: string;
  regionId: string;
  definitionId: string;
  definitionKey: string;
  definitionVersion: number;
  definitionName: string | null;
  previousDefinitionId: string | null;
  kind: 'activate' | 'rollback';
  activatedBy: string | null;
  reason: string | null;
  activatedAt: string;
}

export interface Region {
  id: string;
  name: string;
  active: Activation | null;
}

export interface DeploymentResult {
  id: string;
  name: string | null;
  deployedProcessDefinitions: Record<string, ProcessDefinition> | null;
}

/** Camunda's ParseException `details`: problems per resource, with the line and element. */
export interface ParseProblem {
  message: string;
  line: number;
  column: number;
  mainBpmnElementId: string | null;
}
export type ParseDetails = Record<string, { errors: ParseProblem[]; warnings: ParseProblem[] }>;
