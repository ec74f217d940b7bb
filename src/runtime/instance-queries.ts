import type { DataSource } from 'typeorm';
import { SqlFilter } from '../db/index.js';
import { restrictInstances, type AccessScope } from '../access/index.js';
import { ProcessInstanceNotFoundError } from '../engine/index.js';
import { HistoricInstanceNotFoundError, VariableNotFoundError } from './errors.js';
import { readVariableRows, type StoredVariableRow } from './stored-variables.js';
import { dateOrNull } from './task-queries.js';
import { whereVariables, type VariableCondition } from './variable-filter.js';
import * as sql from './sql/instance-queries.js';

export type InstanceState = 'ACTIVE' | 'SUSPENDED' | 'COMPLETED' | 'EXTERNALLY_TERMINATED' | 'INTERNALLY_TERMINATED';

/** A process instance, running or ended, with what its definition says about it. */
export interface InstanceInfo {
  id: string;
  definitionId: string;
  definitionKey: string;
  definitionName: string | null;
  definitionVersion: number;
  businessKey: string | null;
  tenantId: string | null;
  state: InstanceState;
  startTime: Date;
  endTime: Date | null;
  startUserId: string | null;
  startActivityId: string | null;
  deleteReason: string | null;
  superProcessInstanceId: string | null;
}

/** Filters shared by `GET /process-instance` (spec 4.4) and `GET /history/process-instance` (4.5). */
export interface InstanceFilter {
  processInstanceId?: string;
  processInstanceIds?: string[];
  businessKey?: string;
  businessKeyIn?: string[];
  businessKeyLike?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processDefinitionKeyIn?: string[];
  processDefinitionKeyNotIn?: string[];
  processDefinitionName?: string;
  processDefinitionNameLike?: string;
  deploymentId?: string;
  superProcessInstance?: string;
  subProcessInstance?: string;
  rootProcessInstances?: boolean;
  leafProcessInstances?: boolean;
  withIncident?: boolean;
  incidentType?: string;
  incidentId?: string;
  incidentMessage?: string;
  incidentMessageLike?: string;
  /** Currently running activities. */
  activityIdIn?: string[];
  /** Activities that ran at some point (history). */
  executedActivityIdIn?: string[];
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  /** Only these states; empty/absent = any. */
  states?: InstanceState[];
  finished?: boolean;
  unfinished?: boolean;
  startedBefore?: Date;
  startedAfter?: Date;
  finishedBefore?: Date;
  finishedAfter?: Date;
  startedBy?: string;
  variables?: VariableCondition[];
  /** Only what this user may see (src/access); absent: everything (internal callers). */
  scope?: AccessScope;
}

export type InstanceSort = { column: string; order: 'asc' | 'desc' };
export type InstancePage = { firstResult?: number; maxResults?: number | null };

/**
 * Read side of process instances. `GET /process-instance` passes `states: ['ACTIVE']`
 * (ended instances are history); the history lists pass what the client asked for.
 */
export class InstanceQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Any state; HistoricInstanceNotFoundError when the id matches nothing. */
  async historicById(id: string): Promise<InstanceInfo> {
    const [row] = (await this.dataSource.query(sql.instanceById, [id])) as Array<Record<string, unknown>>;
    if (!row) throw new HistoricInstanceNotFoundError('process instance', id);
    return toInstanceInfo(row);
  }

  /** A running instance; ProcessInstanceNotFoundError for unknown and ended ones alike. */
  async activeById(id: string): Promise<InstanceInfo> {
    const [row] = (await this.dataSource.query(sql.instanceById, [id])) as Array<Record<string, unknown>>;
    if (!row || row.state !== 'ACTIVE') throw new ProcessInstanceNotFoundError(id);
    return toInstanceInfo(row);
  }

  async list(filter: InstanceFilter, sorts: InstanceSort[], page: InstancePage): Promise<InstanceInfo[]> {
    const f = instanceWhere(filter);
    const rows = (await this.dataSource.query(
      `SELECT ${sql.instanceColumns} ${sql.instanceFrom} ${f.clause} ${f.orderBy(sorts, 'i.start_time ASC, i.id ASC')} ${f.page(page.firstResult, page.maxResults)}`,
      f.params,
    )) as Array<Record<string, unknown>>;
    return rows.map(toInstanceInfo);
  }

  async count(filter: InstanceFilter): Promise<number> {
    const f = instanceWhere(filter);
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n ${sql.instanceFrom} ${f.clause}`, f.params)) as [{ n: number }];
    return row.n;
  }

  /** The variables of a running instance. */
  async variables(id: string): Promise<StoredVariableRow[]> {
    await this.activeById(id);
    return readVariableRows((await this.dataSource.query(sql.variablesOfInstance, [id])) as Array<Record<string, unknown>>);
  }

  async variable(id: string, name: string): Promise<StoredVariableRow> {
    const found = (await this.variables(id)).find((v) => v.name === name);
    if (!found) throw new VariableNotFoundError(id, name);
    return found;
  }

  /** Variables as stored, whatever the instance's state (results of commands that may have ended it). */
  async storedVariables(id: string): Promise<StoredVariableRow[]> {
    return readVariableRows((await this.dataSource.query(sql.variablesOfInstance, [id])) as Array<Record<string, unknown>>);
  }
}

/** Sort columns: every `sortBy` of both lists maps to one of these. */
export const INSTANCE_SORT_COLUMNS = {
  instanceId: 'i.id',
  definitionKey: 'i.definition_key',
  definitionId: 'i.definition_id',
  definitionName: 'd.name',
  definitionVersion: 'd.version',
  tenantId: 'i.tenant_id',
  businessKey: 'i.business_key',
  startTime: 'i.start_time',
  endTime: 'i.end_time',
  duration: sql.durationMillis,
} as const;

function instanceWhere(q: InstanceFilter): SqlFilter {
  const f = new SqlFilter()
    .eq('i.id', q.processInstanceId)
    .in('i.id', q.processInstanceIds)
    .eq('i.business_key', q.businessKey)
    .in('i.business_key', q.businessKeyIn)
    .like('i.business_key', q.businessKeyLike)
    .eq('i.definition_id', q.processDefinitionId)
    .eq('i.definition_key', q.processDefinitionKey)
    .in('i.definition_key', q.processDefinitionKeyIn)
    .notIn('i.definition_key', q.processDefinitionKeyNotIn)
    .eq('d.name', q.processDefinitionName)
    .like('d.name', q.processDefinitionNameLike)
    .eq('d.deployment_id', q.deploymentId)
    .eq('i.super_process_instance_id', q.superProcessInstance)
    .when(q.rootProcessInstances, 'i.super_process_instance_id IS NULL')
    .when(q.leafProcessInstances, sql.isLeaf)
    .in('i.state', q.states?.length ? q.states : undefined)
    .when(q.finished, 'i.end_time IS NOT NULL')
    .when(q.unfinished, 'i.end_time IS NULL')
    .compare('i.start_time', '<', q.startedBefore)
    .compare('i.start_time', '>', q.startedAfter)
    .compare('i.end_time', '<', q.finishedBefore)
    .compare('i.end_time', '>', q.finishedAfter)
    .eq('i.start_user_id', q.startedBy)
    .tenants('i.tenant_id', q.tenantIdIn, q.withoutTenantId);
  restrictInstances(f, q.scope, 'i.id', 'i.tenant_id');
  if (q.subProcessInstance !== undefined) f.where(sql.hasSubInstance, q.subProcessInstance);
  if (q.activityIdIn !== undefined) f.where(sql.hasActiveActivity, q.activityIdIn);
  if (q.executedActivityIdIn !== undefined) f.where(sql.hasExecutedActivity, q.executedActivityIdIn);
  const incident: string[] = [];
  const values: unknown[] = [];
  const add = (cond: string, v: unknown) => {
    if (v === undefined) return;
    incident.push(cond);
    values.push(v);
  };
  add(' AND x.incident_type = {}', q.incidentType);
  add(' AND x.id = {}', q.incidentId);
  add(' AND x.message = {}', q.incidentMessage);
  add(' AND x.message LIKE {}', q.incidentMessageLike);
  if (q.withIncident || incident.length) f.where(sql.openIncident(incident.join('')), ...values);
  whereVariables(f, 'i.id', q.variables);
  return f;
}

function toInstanceInfo(r: Record<string, unknown>): InstanceInfo {
  return {
    id: String(r.id),
    definitionId: String(r.definition_id),
    definitionKey: String(r.definition_key),
    definitionName: (r.definition_name as string | null) ?? null,
    definitionVersion: Number(r.definition_version),
    businessKey: (r.business_key as string | null) ?? null,
    tenantId: (r.tenant_id as string | null) ?? null,
    state: r.state as InstanceState,
    startTime: new Date(r.start_time as string | Date),
    endTime: dateOrNull(r.end_time),
    startUserId: (r.start_user_id as string | null) ?? null,
    startActivityId: (r.start_activity_id as string | null) ?? null,
    deleteReason: (r.delete_reason as string | null) ?? null,
    superProcessInstanceId: (r.super_process_instance_id as string | null) ?? null,
  };
}
