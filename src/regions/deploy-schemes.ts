import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { DefinitionQueries, DeploymentService } from '../definitions/index.js';
import type { RegionService } from './region-service.js';
import type { BuiltinRegion } from './builtin-regions.js';

export interface DeploySchemesOptions {
  regions: readonly BuiltinRegion[];
  processesDir: string;
  deployments: DeploymentService;
  definitions: DefinitionQueries;
  regionService: RegionService;
  logger: Logger;
}

/**
 * At start, deploys each region's scheme for that region (tenant), with Camunda's
 * deploy-changed-only, so a restart with unchanged files adds no version. A region with no
 * active definition gets the deployed one; a region that already has one keeps it — switching a
 * running county to a new version is an administrator's audited decision, not a side effect of
 * a restart. A file that is missing or does not validate is logged and skipped, so one broken
 * scheme does not keep the other regions from starting.
 */
export async function deploySchemes(o: DeploySchemesOptions): Promise<void> {
  for (const region of o.regions) {
    await o.regionService.ensureRegion(region.id, region.name);
    let xml: Buffer;
    try {
      xml = await readFile(join(o.processesDir, region.scheme));
    } catch {
      o.logger.warn({ region: region.id, scheme: region.scheme }, 'scheme file not found; region has no built-in process');
      continue;
    }
    try {
      const result = await o.deployments.deploy({
        name: `${region.id}:${region.scheme}`,
        source: 'suqiu start-up',
        tenantId: region.id,
        enableDuplicateFiltering: true,
        deployChangedOnly: true,
        resources: [{ name: region.scheme, content: xml }],
      });
      const current = await o.regionService.get(region.id);
      const deployed = result.definitions?.[0];
      if (!current.active) {
        const definitionId = deployed?.id ?? (await o.definitions.list({ deploymentId: result.deployment.id }, [], {}))[0]?.id;
        if (definitionId) await o.regionService.activate(region.id, { definition: { definitionId }, userId: null, reason: '启动时首次部署（内置方案）' });
      } else if (deployed) {
        o.logger.info({ region: region.id, deployed: deployed.id, active: current.active.definitionId }, 'new scheme version deployed; activate it through /api/regions to use it');
      }
    } catch (err) {
      o.logger.error({ err, region: region.id, scheme: region.scheme }, 'scheme could not be deployed');
    }
  }
}
