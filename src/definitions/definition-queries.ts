import type { DataSource } from 'typeorm';
import { SqlFilter } from '../db/index.js';
import { ProcessDefinitionNotFoundError } from '../engine/index.js';
import { toDefinitionInfo, type ProcessDefinitionInfo } from './definition-row.js';
import { toDeploymentInfo, type DeploymentInfo } from './deployment-service.js';
import * as sql from './sql/deployments.js';

export interface DefinitionFilter {
  id?: string;
  idIn?: string[];
  key?: string;
  keyIn?: string[];
  keyLike?: string;
  name?: string;
  nameLike?: string;
  version?: number;
  versionTag?: string;
  deploymentId?: string;
  resourceName?: string;
  category?: string;
  latestVersion?: boolean;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  suspended?: boolean;
  active?: boolean;
  startableInTasklist?: boolean;
}

export interface DeploymentFilter {
  id?: string;
  name?: string;
  nameLike?: string;
  source?: string;
  withoutSource?: boolean;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  after?: Date;
  before?: Date;
}

export type Sort = { column: string; order: 'asc' | 'desc' };
export type Page = { firstResult?: number; maxResults?: number | null };

/** Read side of deployments and definitions, for the REST lists and for starting by key. */
export class DefinitionQueries {
  constructor(private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<ProcessDefinitionInfo> {
    const [row] = (await this.dataSource.query(sql.definitionById, [id])) as Array<Record<string, unknown>>;
    if (!row) throw new ProcessDefinitionNotFoundError(`with id '${id}'`);
    return toDefinitionInfo(row);
  }

  /** The latest version of a key; `tenantId` null means the definition deployed without tenant. */
  async latestByKey(key: string, tenantId: string | null): Promise<ProcessDefinitionInfo> {
    const [row] = (await this.dataSource.query(sql.latestDefinitionByKey, [key, tenantId])) as Array<Record<string, unknown>>;
    if (!row) throw new ProcessDefinitionNotFoundError(`with key '${key}'${tenantId ? ` and tenant-id '${tenantId}'` : ''}`);
    return toDefinitionInfo(row);
  }

  async xml(id: string): Promise<string> {
    const def = await this.byId(id);
    const [row] = (await this.dataSource.query(sql.resourceXml, [def.deploymentId, def.resource])) as Array<{ xml: string }>;
    if (!row) throw new ProcessDefinitionNotFoundError(`with id '${id}'`);
    return row.xml;
  }

  async list(filter: DefinitionFilter, sorts: Sort[], page: Page): Promise<ProcessDefinitionInfo[]> {
    const f = definitionWhere(filter);
    const rows = (await this.dataSource.query(
      `SELECT ${sql.definitionColumns} FROM process_definition d ${f.clause} ${f.orderBy(sorts, 'd.id')} ${f.page(page.firstResult, page.maxResults)}`,
      f.params,
    )) as Array<Record<string, unknown>>;
    return rows.map(toDefinitionInfo);
  }

  async count(filter: DefinitionFilter): Promise<number> {
    const f = definitionWhere(filter);
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM process_definition d ${f.clause}`, f.params)) as [{ n: number }];
    return row.n;
  }

  async deployments(filter: DeploymentFilter, sorts: Sort[], page: Page): Promise<DeploymentInfo[]> {
    const f = deploymentWhere(filter);
    const rows = (await this.dataSource.query(
      `SELECT id, name, source, tenant_id, deployment_time FROM deployment ${f.clause} ${f.orderBy(sorts, 'id')} ${f.page(page.firstResult, page.maxResults)}`,
      f.params,
    )) as Array<Record<string, unknown>>;
    return rows.map(toDeploymentInfo);
  }

  async countDeployments(filter: DeploymentFilter): Promise<number> {
    const f = deploymentWhere(filter);
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM deployment ${f.clause}`, f.params)) as [{ n: number }];
    return row.n;
  }
}

function definitionWhere(q: DefinitionFilter): SqlFilter {
  const f = new SqlFilter()
    .eq('d.id', q.id)
    .in('d.id', q.idIn)
    .eq('d.key', q.key)
    .in('d.key', q.keyIn)
    .like('d.key', q.keyLike)
    .eq('d.name', q.name)
    .like('d.name', q.nameLike)
    .eq('d.version', q.version)
    .eq('d.version_tag', q.versionTag)
    .eq('d.deployment_id', q.deploymentId)
    .eq('d.resource_name', q.resourceName)
    .eq('d.category', q.category)
    .eq('d.startable_in_tasklist', q.startableInTasklist)
    .when(q.suspended, 'd.suspended')
    .when(q.active, 'NOT d.suspended')
    .tenants('d.tenant_id', q.tenantIdIn, q.withoutTenantId);
  if (q.latestVersion) {
    f.where(`d.version = (SELECT max(v.version) FROM process_definition v WHERE v.key = d.key AND v.tenant_id IS NOT DISTINCT FROM d.tenant_id)`);
  }
  return f;
}

function deploymentWhere(q: DeploymentFilter): SqlFilter {
  return new SqlFilter()
    .eq('id', q.id)
    .eq('name', q.name)
    .like('name', q.nameLike)
    .eq('source', q.source)
    .when(q.withoutSource, 'source IS NULL')
    .tenants('tenant_id', q.tenantIdIn, q.withoutTenantId)
    .compare('deployment_time', '>', q.after)
    .compare('deployment_time', '<', q.before);
}
