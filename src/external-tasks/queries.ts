import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import { SqlFilter } from '../db/index.js';
import { restrictInstances, type AccessScope } from '../access/index.js';
import { ExternalTaskNotFoundError } from './errors.js';
import * as sql from './sql/queries.js';
import { toExternalTaskInfo, type ExternalTaskRow } from './task-row.js';
import type { ExternalTaskInfo } from './types.js';

/** Filters of `GET /external-task` (Camunda's ExternalTaskQueryDto), already parsed. */
export interface ExternalTaskFilter {
  /** Only what this user may see (src/access); absent: everything (internal callers). */
  scope?: AccessScope;
  externalTaskId?: string;
  externalTaskIdIn?: string[];
  topicName?: string;
  workerId?: string;
  locked?: boolean;
  notLocked?: boolean;
  withRetriesLeft?: boolean;
  noRetriesLeft?: boolean;
  lockExpirationAfter?: Date;
  lockExpirationBefore?: Date;
  activityId?: string;
  activityIdIn?: string[];
  executionId?: string;
  processInstanceId?: string;
  processInstanceIdIn?: string[];
  processDefinitionId?: string;
  processDefinitionKey?: string;
  businessKey?: string;
  priorityHigherThanOrEquals?: number;
  priorityLowerThanOrEquals?: number;
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
}

export const EXTERNAL_TASK_SORT_COLUMNS = {
  id: 'et.id',
  lockExpirationTime: 'et.lock_expiration_time',
  processInstanceId: 'et.process_instance_id',
  processDefinitionId: 'et.process_definition_id',
  processDefinitionKey: 'et.process_definition_key',
  tenantId: 'et.tenant_id',
  taskPriority: 'et.priority',
  createTime: 'et.created_at',
} as const;
export type ExternalTaskSortBy = keyof typeof EXTERNAL_TASK_SORT_COLUMNS;

export interface ListOptions<S extends string> {
  sorting?: Array<{ sortBy: S; sortOrder: 'asc' | 'desc' }>;
  firstResult?: number;
  maxResults?: number | null;
}

/** Read side for operators: lists, counts, one task, its error details. */
export class ExternalTaskQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(filter: ExternalTaskFilter, options: ListOptions<ExternalTaskSortBy> = {}): Promise<ExternalTaskInfo[]> {
    const f = this.#filter(filter);
    const order = f.orderBy((options.sorting ?? []).map((s) => ({ column: EXTERNAL_TASK_SORT_COLUMNS[s.sortBy], order: s.sortOrder })), 'et.id');
    const rows = (await this.dataSource.query(`${sql.selectExternalTasks} ${f.clause} ${order} ${f.page(options.firstResult, options.maxResults)}`, f.params)) as ExternalTaskRow[];
    return rows.map((r) => toExternalTaskInfo(r));
  }

  async count(filter: ExternalTaskFilter): Promise<number> {
    const f = this.#filter(filter);
    const [row] = (await this.dataSource.query(`${sql.countExternalTasks} ${f.clause}`, f.params)) as Array<{ count: number }>;
    return row?.count ?? 0;
  }

  async byId(id: string): Promise<ExternalTaskInfo> {
    return toExternalTaskInfo(await this.#row(id));
  }

  /** The `errorDetails` of the last failure (often a stack trace), or null. */
  async errorDetails(id: string): Promise<string | null> {
    return (await this.#row(id)).error_details;
  }

  async #row(id: string): Promise<ExternalTaskRow> {
    const [row] = (await this.dataSource.query(sql.externalTaskById, [id])) as ExternalTaskRow[];
    if (!row) throw new ExternalTaskNotFoundError(id);
    return row;
  }

  #filter(q: ExternalTaskFilter): SqlFilter {
    const now = this.clock.now();
    const f = new SqlFilter()
      .eq('et.id', q.externalTaskId)
      .in('et.id', q.externalTaskIdIn)
      .eq('et.topic_name', q.topicName)
      .eq('et.worker_id', q.workerId)
      .compare('et.lock_expiration_time', '>', q.lockExpirationAfter)
      .compare('et.lock_expiration_time', '<', q.lockExpirationBefore)
      .eq('et.activity_id', q.activityId)
      .in('et.activity_id', q.activityIdIn)
      .eq('et.execution_id', q.executionId)
      .eq('et.process_instance_id', q.processInstanceId)
      .in('et.process_instance_id', q.processInstanceIdIn)
      .eq('et.process_definition_id', q.processDefinitionId)
      .eq('et.process_definition_key', q.processDefinitionKey)
      .eq('et.business_key', q.businessKey)
      .compare('et.priority', '>=', q.priorityHigherThanOrEquals)
      .compare('et.priority', '<=', q.priorityLowerThanOrEquals)
      .tenants('et.tenant_id', q.tenantIdIn, q.withoutTenantId);
    // "Locked" is judged on the service clock: a lease that ran out is no lock.
    if (q.locked) f.where('et.lock_expiration_time > {}', now);
    if (q.notLocked) f.where('(et.lock_expiration_time IS NULL OR et.lock_expiration_time <= {})', now);
    restrictInstances(f, q.scope, 'et.process_instance_id', 'et.tenant_id');
    f.when(q.withRetriesLeft, '(et.retries IS NULL OR et.retries > 0)');
    f.when(q.noRetriesLeft, 'et.retries = 0');
    return f;
  }
}
