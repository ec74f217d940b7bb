import type { DataSource } from 'typeorm';
import { SqlFilter } from '../db/index.js';
import { restrictInstances, type AccessScope } from '../access/index.js';
import * as sql from './sql/queries.js';

/** An open incident (Camunda `IncidentDto`'s fields we can fill). */
export interface IncidentInfo {
  id: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  /** null for a failed timer start job, which has no instance yet. */
  processInstanceId: string | null;
  executionId: string | null;
  activityId: string | null;
  incidentTimestamp: Date;
  incidentType: string;
  /** For `failedExternalTask`: the external task's id (set its retries to resolve). */
  configuration: string | null;
  incidentMessage: string | null;
  tenantId: string | null;
}

export interface IncidentFilter {
  /** Only what this user may see (src/access); absent: everything (internal callers). */
  scope?: AccessScope;
  incidentId?: string;
  incidentType?: string;
  incidentMessage?: string;
  incidentMessageLike?: string;
  processDefinitionId?: string;
  processDefinitionKeyIn?: string[];
  processInstanceId?: string;
  executionId?: string;
  activityId?: string;
  configuration?: string;
  incidentTimestampBefore?: Date;
  incidentTimestampAfter?: Date;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
}

export const INCIDENT_SORT_COLUMNS = {
  incidentId: 'i.id',
  incidentMessage: 'i.message',
  incidentTimestamp: 'i.created_at',
  incidentType: 'i.incident_type',
  executionId: 'i.execution_id',
  activityId: 'i.activity_id',
  processInstanceId: 'i.process_instance_id',
  processDefinitionId: 'i.process_definition_id',
  configuration: 'i.configuration',
  tenantId: 'pd.tenant_id',
} as const;
export type IncidentSortBy = keyof typeof INCIDENT_SORT_COLUMNS;

interface IncidentRow {
  id: string;
  process_instance_id: string | null;
  process_definition_id: string;
  activity_id: string | null;
  execution_id: string | null;
  incident_type: string;
  configuration: string | null;
  message: string | null;
  created_at: Date | string;
  tenant_id: string | null;
  definition_key: string;
}

/**
 * Open incidents: raised when an external task's retries reach 0, resolved when an operator
 * sets its retries again (`PUT /external-task/{id}/retries`).
 */
export class IncidentQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    filter: IncidentFilter,
    options: { sorting?: Array<{ sortBy: IncidentSortBy; sortOrder: 'asc' | 'desc' }>; firstResult?: number; maxResults?: number | null } = {},
  ): Promise<IncidentInfo[]> {
    const f = incidentFilter(filter);
    const order = f.orderBy((options.sorting ?? []).map((s) => ({ column: INCIDENT_SORT_COLUMNS[s.sortBy], order: s.sortOrder })), 'i.id');
    const rows = (await this.dataSource.query(`${sql.selectIncidents} ${and(f)} ${order} ${f.page(options.firstResult, options.maxResults)}`, f.params)) as IncidentRow[];
    return rows.map(toIncidentInfo);
  }

  async count(filter: IncidentFilter): Promise<number> {
    const f = incidentFilter(filter);
    const [row] = (await this.dataSource.query(`${sql.countIncidents} ${and(f)}`, f.params)) as Array<{ count: number }>;
    return row?.count ?? 0;
  }
}

/** The base statement already has a WHERE. */
function and(f: SqlFilter): string {
  return f.clause.replace(/^WHERE /, 'AND ');
}

function incidentFilter(q: IncidentFilter): SqlFilter {
  const f = new SqlFilter()
    .eq('i.id', q.incidentId)
    .eq('i.incident_type', q.incidentType)
    .eq('i.message', q.incidentMessage)
    .like('i.message', q.incidentMessageLike)
    .eq('i.process_definition_id', q.processDefinitionId)
    .in('pd.key', q.processDefinitionKeyIn)
    .eq('i.process_instance_id', q.processInstanceId)
    .eq('i.execution_id', q.executionId)
    .eq('i.activity_id', q.activityId)
    .eq('i.configuration', q.configuration)
    .compare('i.created_at', '<', q.incidentTimestampBefore)
    .compare('i.created_at', '>', q.incidentTimestampAfter)
    .tenants('pd.tenant_id', q.tenantIdIn, q.withoutTenantId);
  return restrictInstances(f, q.scope, 'i.process_instance_id', 'pd.tenant_id');
}

function toIncidentInfo(r: IncidentRow): IncidentInfo {
  return {
    id: r.id,
    processDefinitionId: r.process_definition_id,
    processDefinitionKey: r.definition_key,
    processInstanceId: r.process_instance_id,
    executionId: r.execution_id,
    activityId: r.activity_id,
    incidentTimestamp: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
    incidentType: r.incident_type,
    configuration: r.configuration,
    incidentMessage: r.message,
    tenantId: r.tenant_id,
  };
}
