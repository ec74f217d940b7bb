import type { DataSource } from 'typeorm';
import { SqlFilter } from '../db/index.js';
import { restrictInstances, type AccessScope } from '../access/index.js';
import { HistoricInstanceNotFoundError } from './errors.js';
import { dateOrNull } from './task-queries.js';
import * as sql from './sql/history-queries.js';

/** One activity an instance entered, as `activity_instance` records it. */
export interface ActivityInstanceInfo {
  id: string;
  processInstanceId: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  activityId: string;
  activityName: string | null;
  /** Camunda's spelling: `userTask`, `startEvent`, `noneEndEvent`, … */
  activityType: string;
  executionId: string;
  taskId: string | null;
  assignee: string | null;
  startTime: Date;
  endTime: Date | null;
  canceled: boolean;
  completeScope: boolean;
  tenantId: string | null;
  rootProcessInstanceId: string;
}

export interface ActivityInstanceFilter {
  activityInstanceId?: string;
  processInstanceId?: string;
  processDefinitionId?: string;
  executionId?: string;
  activityId?: string;
  activityName?: string;
  activityNameLike?: string;
  /** Camunda's spelling (`userTask`); translated to the stored BPMN type. */
  activityType?: string;
  taskAssignee?: string;
  finished?: boolean;
  unfinished?: boolean;
  canceled?: boolean;
  completeScope?: boolean;
  startedBefore?: Date;
  startedAfter?: Date;
  finishedBefore?: Date;
  finishedAfter?: Date;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  /** Only what this user may see (src/access); absent: everything (internal callers). */
  scope?: AccessScope;
}

export type HistorySort = { column: string; order: 'asc' | 'desc' };
export type HistoryPage = { firstResult?: number; maxResults?: number | null };

export const ACTIVITY_SORT_COLUMNS = {
  activityInstanceId: 'a.id',
  instanceId: 'a.process_instance_id',
  executionId: 'a.execution_id',
  activityId: 'a.activity_id',
  activityName: 'a.activity_name',
  activityType: 'a.activity_type',
  startTime: 'a.start_time',
  endTime: 'a.end_time',
  duration: sql.activityDuration,
  definitionId: 'a.process_definition_id',
  occurrence: 'a.seq',
  tenantId: 'a.tenant_id',
} as const;

/** History of activities; unsorted lists come in the order the activities started. */
export class HistoryQueries {
  constructor(private readonly dataSource: DataSource) {}

  async activityById(id: string): Promise<ActivityInstanceInfo> {
    const [row] = (await this.dataSource.query(sql.activityById, [id])) as Array<Record<string, unknown>>;
    if (!row) throw new HistoricInstanceNotFoundError('activity instance', id);
    return toActivityInfo(row);
  }

  async activities(filter: ActivityInstanceFilter, sorts: HistorySort[], page: HistoryPage): Promise<ActivityInstanceInfo[]> {
    const f = activityWhere(filter);
    const rows = (await this.dataSource.query(
      `SELECT ${sql.activityColumns} ${sql.activityFrom} ${f.clause} ${f.orderBy(sorts, 'a.seq ASC')} ${f.page(page.firstResult, page.maxResults)}`,
      f.params,
    )) as Array<Record<string, unknown>>;
    return rows.map(toActivityInfo);
  }

  async countActivities(filter: ActivityInstanceFilter): Promise<number> {
    const f = activityWhere(filter);
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n ${sql.activityFrom} ${f.clause}`, f.params)) as [{ n: number }];
    return row.n;
  }
}

/**
 * bpmn-elements names types `bpmn:UserTask`; Camunda's activity types are the element name
 * in lower camel case, except that a plain end event is `noneEndEvent`.
 */
export function camundaActivityType(bpmnType: string): string {
  const local = bpmnType.replace(/^bpmn:/, '');
  if (local === 'EndEvent') return 'noneEndEvent';
  return local.charAt(0).toLowerCase() + local.slice(1);
}

export function bpmnActivityType(camundaType: string): string {
  if (camundaType === 'noneEndEvent') return 'bpmn:EndEvent';
  return `bpmn:${camundaType.charAt(0).toUpperCase()}${camundaType.slice(1)}`;
}

function activityWhere(q: ActivityInstanceFilter): SqlFilter {
  const f = new SqlFilter()
    .eq('a.id', q.activityInstanceId)
    .eq('a.process_instance_id', q.processInstanceId)
    .eq('a.process_definition_id', q.processDefinitionId)
    .eq('a.execution_id', q.executionId)
    .eq('a.activity_id', q.activityId)
    .eq('a.activity_name', q.activityName)
    .like('a.activity_name', q.activityNameLike)
    .eq('a.activity_type', q.activityType === undefined ? undefined : bpmnActivityType(q.activityType))
    .eq('a.assignee', q.taskAssignee)
    .when(q.finished, 'a.end_time IS NOT NULL')
    .when(q.unfinished, 'a.end_time IS NULL')
    .when(q.canceled, 'a.canceled')
    .when(q.completeScope, sql.completesScope)
    .compare('a.start_time', '<', q.startedBefore)
    .compare('a.start_time', '>', q.startedAfter)
    .compare('a.end_time', '<', q.finishedBefore)
    .compare('a.end_time', '>', q.finishedAfter)
    .tenants('a.tenant_id', q.tenantIdIn, q.withoutTenantId);
  return restrictInstances(f, q.scope, 'a.process_instance_id', 'i.tenant_id');
}

function toActivityInfo(r: Record<string, unknown>): ActivityInstanceInfo {
  const type = String(r.activity_type);
  const endTime = dateOrNull(r.end_time);
  const canceled = Boolean(r.canceled);
  return {
    id: String(r.id),
    processInstanceId: String(r.process_instance_id),
    processDefinitionId: String(r.process_definition_id),
    processDefinitionKey: String(r.process_definition_key),
    activityId: String(r.activity_id),
    activityName: (r.activity_name as string | null) ?? null,
    activityType: camundaActivityType(type),
    executionId: String(r.execution_id),
    taskId: (r.task_id as string | null) ?? null,
    assignee: (r.assignee as string | null) ?? null,
    startTime: new Date(r.start_time as string | Date),
    endTime,
    canceled,
    completeScope: /EndEvent$/.test(type) && endTime !== null && !canceled,
    tenantId: (r.tenant_id as string | null) ?? null,
    rootProcessInstanceId: (r.super_process_instance_id as string | null) ?? String(r.process_instance_id),
  };
}
