/**
 * Deployments and process definitions: parse and validate uploaded BPMN (`bpmn/`), store it
 * versioned by key and tenant (= region), and hand the engine deserialized definitions.
 *
 * - `DeploymentService.deploy({ name, source, tenantId, enableDuplicateFiltering, deployChangedOnly, resources })`
 *   validates every resource before anything is stored; Camunda's duplicate filtering.
 * - `DefinitionCache` implements the engine's `DefinitionProvider` (LRU of deserialized contexts).
 * - `DefinitionQueries` is the read side for `/process-definition` and `/deployment`.
 */
export { DeploymentService, toDeploymentInfo } from './deployment-service.js';
export type { DeployCommand, DeploymentInfo, DeploymentResult, DeploymentResourceInput, DefinitionChange } from './deployment-service.js';
export { DefinitionCache } from './definition-cache.js';
export { DefinitionQueries } from './definition-queries.js';
export type { DefinitionFilter, DeploymentFilter, Sort, Page } from './definition-queries.js';
export { toDefinitionInfo, type ProcessDefinitionInfo } from './definition-row.js';
export { InvalidDeploymentError, DeploymentNotFoundError, DeploymentInUseError } from './errors.js';
export { BpmnParseError, parseBpmn, hashResource } from './bpmn/index.js';
