import type { DataSource } from 'typeorm';
import { SqlFilter } from '../db/index.js';
import { restrictTasks, type AccessScope } from '../access/index.js';
import { TaskNotFoundError, type FormField } from '../engine/index.js';
import { whereVariables, type VariableCondition } from './variable-filter.js';
import { readVariableRows, type StoredVariableRow } from './stored-variables.js';
import * as sql from './sql/task-queries.js';

/** An open user task as the read side sees it. */
export interface TaskInfo {
  id: string;
  name: string | null;
  description: string | null;
  assignee: string | null;
  owner: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  created: Date;
  lastUpdated: Date | null;
  due: Date | null;
  followUp: Date | null;
  priority: number;
  executionId: string;
  processDefinitionId: string;
  processInstanceId: string;
  taskDefinitionKey: string;
  formKey: string | null;
  /** Only filled by `byId`; lists leave it empty. */
  formFields: FormField[];
  tenantId: string | null;
}

/**
 * Filters of `GET /task` (spec 4.3), already parsed. Candidate filters match `candidate_users`
 * and `candidate_groups` of the task only: users have no group memberships until units exist
 * (issue 5), so `candidateUser` does not yet find tasks offered to the user's groups.
 */
export interface TaskFilter {
  taskId?: string;
  taskIdIn?: string[];
  executionId?: string;
  processInstanceId?: string;
  processInstanceIdIn?: string[];
  processInstanceBusinessKey?: string;
  processInstanceBusinessKeyIn?: string[];
  processInstanceBusinessKeyLike?: string;
  processDefinitionId?: string;
  processDefinitionKey?: string;
  processDefinitionKeyIn?: string[];
  processDefinitionName?: string;
  processDefinitionNameLike?: string;
  taskDefinitionKey?: string;
  taskDefinitionKeyIn?: string[];
  taskDefinitionKeyLike?: string;
  name?: string;
  nameNotEqual?: string;
  nameLike?: string;
  nameNotLike?: string;
  description?: string;
  descriptionLike?: string;
  assignee?: string;
  assigneeIn?: string[];
  assigneeNotIn?: string[];
  assigneeLike?: string;
  owner?: string;
  assigned?: boolean;
  unassigned?: boolean;
  candidateUser?: string;
  candidateGroup?: string;
  candidateGroups?: string[];
  /** With a candidate filter: also tasks that already have an assignee (default: only unassigned). */
  includeAssignedTasks?: boolean;
  withCandidateGroups?: boolean;
  withoutCandidateGroups?: boolean;
  withCandidateUsers?: boolean;
  withoutCandidateUsers?: boolean;
  involvedUser?: string;
  priority?: number;
  minPriority?: number;
  maxPriority?: number;
  dueDate?: Date;
  dueBefore?: Date;
  dueAfter?: Date;
  withoutDueDate?: boolean;
  followUpDate?: Date;
  followUpBefore?: Date;
  followUpAfter?: Date;
  followUpBeforeOrNotExistent?: Date;
  createdOn?: Date;
  createdBefore?: Date;
  createdAfter?: Date;
  updatedAfter?: Date;
  /** Every open task is active: nothing suspends instances yet, so `suspended` matches none. */
  suspended?: boolean;
  /** No task is delegated yet, so any delegation state matches none. */
  delegationState?: 'PENDING' | 'RESOLVED';
  tenantIdIn?: string[];
  withoutTenantId?: boolean;
  processVariables?: VariableCondition[];
  /** Only what this user may see (src/access); absent: everything (internal callers). */
  scope?: AccessScope;
}

export type TaskSort = { column: string; order: 'asc' | 'desc' };
export type TaskPage = { firstResult?: number; maxResults?: number | null };

/** Read side of open user tasks: the lists, counts and single tasks of `/task`. */
export class TaskQueries {
  constructor(private readonly dataSource: DataSource) {}

  async byId(taskId: string): Promise<TaskInfo> {
    const [row] = (await this.dataSource.query(sql.taskById, [taskId])) as Array<Record<string, unknown>>;
    if (!row) throw new TaskNotFoundError(taskId);
    return toTaskInfo(row);
  }

  /**
   * `sorts` are built with `sortColumn`/`variableSortColumn`; unsorted lists come oldest
   * first, and the id breaks ties so pages never overlap.
   */
  async list(filter: TaskFilter, sorts: Array<TaskSort | ((f: SqlFilter) => TaskSort)>, page: TaskPage): Promise<TaskInfo[]> {
    const f = taskWhere(filter);
    const order = f.orderBy(sorts.map((s) => (typeof s === 'function' ? s(f) : s)), 't.created ASC, t.id ASC');
    const rows = (await this.dataSource.query(
      `SELECT ${sql.taskListColumns} ${sql.taskFrom} ${f.clause} ${order} ${f.page(page.firstResult, page.maxResults)}`,
      f.params,
    )) as Array<Record<string, unknown>>;
    return rows.map(toTaskInfo);
  }

  async count(filter: TaskFilter): Promise<number> {
    const f = taskWhere(filter);
    const [row] = (await this.dataSource.query(`SELECT count(*)::int AS n ${sql.taskFrom} ${f.clause}`, f.params)) as [{ n: number }];
    return row.n;
  }

  /** The stored process variables of each instance, for tasks returned with their variables. */
  async variablesOf(processInstanceIds: string[]): Promise<Map<string, StoredVariableRow[]>> {
    const result = new Map<string, StoredVariableRow[]>();
    if (processInstanceIds.length === 0) return result;
    const rows = (await this.dataSource.query(sql.variablesOfInstances, [[...new Set(processInstanceIds)]])) as Array<Record<string, unknown>>;
    for (const row of rows) {
      const id = String(row.process_instance_id);
      const list = result.get(id) ?? [];
      list.push(...readVariableRows([row]));
      result.set(id, list);
    }
    return result;
  }
}

/** ORDER BY on a process variable (POST `/task` sorting `processVariable`): jsonb orders every type. */
export function variableSortColumn(variableName: string, order: 'asc' | 'desc'): (f: SqlFilter) => TaskSort {
  return (f) => ({
    column: `(SELECT v.value FROM variable v WHERE v.process_instance_id = t.process_instance_id AND v.name = ${f.param(variableName)})`,
    order,
  });
}

function taskWhere(q: TaskFilter): SqlFilter {
  const f = new SqlFilter()
    .eq('t.id', q.taskId)
    .in('t.id', q.taskIdIn)
    .eq('t.execution_id', q.executionId)
    .eq('t.process_instance_id', q.processInstanceId)
    .in('t.process_instance_id', q.processInstanceIdIn)
    .eq('i.business_key', q.processInstanceBusinessKey)
    .in('i.business_key', q.processInstanceBusinessKeyIn)
    .like('i.business_key', q.processInstanceBusinessKeyLike)
    .eq('t.process_definition_id', q.processDefinitionId)
    .eq('i.definition_key', q.processDefinitionKey)
    .in('i.definition_key', q.processDefinitionKeyIn)
    .eq('d.name', q.processDefinitionName)
    .like('d.name', q.processDefinitionNameLike)
    .eq('t.task_definition_key', q.taskDefinitionKey)
    .in('t.task_definition_key', q.taskDefinitionKeyIn)
    .like('t.task_definition_key', q.taskDefinitionKeyLike)
    .eq('t.name', q.name)
    .like('t.name', q.nameLike)
    .eq('t.description', q.description)
    .like('t.description', q.descriptionLike)
    .eq('t.assignee', q.assignee)
    .in('t.assignee', q.assigneeIn)
    .like('t.assignee', q.assigneeLike)
    .eq('t.owner', q.owner)
    .when(q.assigned, 't.assignee IS NOT NULL')
    .when(q.unassigned, 't.assignee IS NULL')
    .when(q.withCandidateGroups, 'cardinality(t.candidate_groups) > 0')
    .when(q.withoutCandidateGroups, 'cardinality(t.candidate_groups) = 0')
    .when(q.withCandidateUsers, 'cardinality(t.candidate_users) > 0')
    .when(q.withoutCandidateUsers, 'cardinality(t.candidate_users) = 0')
    .eq('t.priority', q.priority)
    .compare('t.priority', '>=', q.minPriority)
    .compare('t.priority', '<=', q.maxPriority)
    .eq('t.due', q.dueDate)
    .compare('t.due', '<', q.dueBefore)
    .compare('t.due', '>', q.dueAfter)
    .when(q.withoutDueDate, 't.due IS NULL')
    .eq('t.follow_up', q.followUpDate)
    .compare('t.follow_up', '<', q.followUpBefore)
    .compare('t.follow_up', '>', q.followUpAfter)
    .eq('t.created', q.createdOn)
    .compare('t.created', '<', q.createdBefore)
    .compare('t.created', '>', q.createdAfter)
    .compare('coalesce(t.last_updated, t.created)', '>', q.updatedAfter)
    .when(q.suspended, 'false')
    .when(q.delegationState !== undefined, 'false')
    .tenants('t.tenant_id', q.tenantIdIn, q.withoutTenantId);
  if (q.nameNotEqual !== undefined) f.where('t.name IS DISTINCT FROM {}', q.nameNotEqual);
  if (q.nameNotLike !== undefined) f.where('(t.name IS NULL OR t.name NOT LIKE {})', q.nameNotLike);
  if (q.assigneeNotIn !== undefined) f.where('(t.assignee IS NULL OR NOT (t.assignee = ANY({})))', q.assigneeNotIn);
  if (q.followUpBeforeOrNotExistent !== undefined) f.where('(t.follow_up IS NULL OR t.follow_up < {})', q.followUpBeforeOrNotExistent);
  if (q.candidateUser !== undefined) f.where('{} = ANY(t.candidate_users)', q.candidateUser);
  // `@>` and `&&` can use the GIN index on candidate_groups; `= ANY` cannot.
  if (q.candidateGroup !== undefined) f.where('t.candidate_groups @> ARRAY[{}]::text[]', q.candidateGroup);
  if (q.candidateGroups !== undefined) f.where('t.candidate_groups && {}::text[]', q.candidateGroups);
  const candidateQuery = q.candidateUser !== undefined || q.candidateGroup !== undefined || q.candidateGroups !== undefined;
  if (candidateQuery && !q.includeAssignedTasks) f.where('t.assignee IS NULL');
  if (q.involvedUser !== undefined) {
    f.where('(t.assignee = {} OR t.owner = {} OR {} = ANY(t.candidate_users))', q.involvedUser, q.involvedUser, q.involvedUser);
  }
  whereVariables(f, 't.process_instance_id', q.processVariables);
  restrictTasks(f, q.scope);
  return f;
}

function toTaskInfo(r: Record<string, unknown>): TaskInfo {
  return {
    id: String(r.id),
    name: (r.name as string | null) ?? null,
    description: (r.description as string | null) ?? null,
    assignee: (r.assignee as string | null) ?? null,
    owner: (r.owner as string | null) ?? null,
    candidateUsers: (r.candidate_users as string[] | null) ?? [],
    candidateGroups: (r.candidate_groups as string[] | null) ?? [],
    created: new Date(r.created as string | Date),
    lastUpdated: dateOrNull(r.last_updated),
    due: dateOrNull(r.due),
    followUp: dateOrNull(r.follow_up),
    priority: Number(r.priority),
    executionId: String(r.execution_id),
    processDefinitionId: String(r.process_definition_id),
    processInstanceId: String(r.process_instance_id),
    taskDefinitionKey: String(r.task_definition_key),
    formKey: (r.form_key as string | null) ?? null,
    formFields: (r.form_fields as FormField[] | null) ?? [],
    tenantId: (r.tenant_id as string | null) ?? null,
  };
}

export function dateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : new Date(v as string | Date);
}
