/**
 * Regions (tenants): which process definition each region's new work orders start, switched by
 * audited activations with rollback; built-in regions and their schemes deployed at start.
 */
export { RegionService, type Activation, type Region, type ActivateCommand, type DefinitionChoice } from './region-service.js';
export { deploySchemes, type DeploySchemesOptions } from './deploy-schemes.js';
export { BUILTIN_REGIONS, type BuiltinRegion } from './builtin-regions.js';
export { RegionNotFoundError, NoActiveDefinitionError, DefinitionNotActivatableError, NothingToRollBackError, DefinitionActiveInRegionError } from './errors.js';
