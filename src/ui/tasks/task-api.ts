/** The user tasks a handler sees, with the work order each belongs to. */
import { api } from '../shared/api.js';
import type { TaskInfo } from '../shared/forms/index.js';
import type { WorkOrder, WorkOrderPage } from '../orders/types.js';

export interface TaskRow extends TaskInfo {
  order: WorkOrder | null;
}

const OPEN_STATUSES = 'dispatching,handling,reviewing,callback';

/** Due first (no deadline last), then oldest first: what a unit must do next is on top. */
function byDeadline(a: TaskInfo, b: TaskInfo): number {
  const da = a.due ? Date.parse(a.due.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : Infinity;
  const db = b.due ? Date.parse(b.due.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : Infinity;
  if (da !== db) return da < db ? -1 : 1;
  return a.created < b.created ? -1 : a.created > b.created ? 1 : 0;
}

/**
 * GET /engine-rest/task is already scoped by the service to the user's units and own tasks.
 * Orders are joined by process instance from the open orders the user may see (one request:
 * a unit's open orders fit in one page of 500).
 */
export async function loadTasks(): Promise<TaskRow[]> {
  const [tasks, orders] = await Promise.all([
    api<TaskInfo[]>('/engine-rest/task', { query: { sortBy: 'dueDate', sortOrder: 'asc', maxResults: 1000 } }),
    api<WorkOrderPage>('/api/work-orders', { query: { status: OPEN_STATUSES, maxResults: 500, sortBy: 'dueAt', sortOrder: 'asc' } }),
  ]);
  const byInstance = new Map(orders.items.filter((o) => o.processInstanceId).map((o) => [o.processInstanceId!, o]));
  return [...tasks].sort(byDeadline).map((t) => ({ ...t, order: byInstance.get(t.processInstanceId) ?? null }));
}

export function claim(taskId: string, userId: string): Promise<void> {
  return api(`/engine-rest/task/${encodeURIComponent(taskId)}/claim`, { method: 'POST', body: { userId } });
}

export function unclaim(taskId: string): Promise<void> {
  return api(`/engine-rest/task/${encodeURIComponent(taskId)}/unclaim`, { method: 'POST' });
}

/** Hands the task to `userId` (POST /task/{id}/assignee; who may is the service's decision). */
export function assign(taskId: string, userId: string): Promise<void> {
  return api(`/engine-rest/task/${encodeURIComponent(taskId)}/assignee`, { method: 'POST', body: { userId } });
}
