import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import { fetchAndLockQuery, releaseLocks, variablesOfInstances } from './sql/fetch-and-lock.js';
import { localVariablesOf, rowsOf, toExternalTaskInfo, type ExternalTaskRow } from './task-row.js';
import type { FetchAndLockRequest, LockedExternalTask, StoredVariableRow, TopicRequest } from './types.js';

interface VariableRow {
  process_instance_id: string;
  name: string;
  type: string;
  value: unknown;
  value_info: Record<string, unknown> | null;
}

/**
 * One fetch-and-lock attempt, answered at once: locks up to `maxTasks` fetchable tasks of the
 * requested topics for the worker (lease = service clock + the topic's lockDuration) and
 * reads the variables each topic asked for. Long polling repeats this (see LongPolls).
 */
export async function lockAvailableTasks(dataSource: DataSource, clock: Clock, request: FetchAndLockRequest): Promise<LockedExternalTask[]> {
  if (request.maxTasks <= 0 || request.topics.length === 0) return [];
  const now = clock.now();
  const query = fetchAndLockQuery({
    topics: request.topics,
    workerId: request.workerId,
    now,
    maxTasks: request.maxTasks,
    usePriority: request.usePriority === true,
    createTimeOrder: request.sorting?.[0]?.sortOrder ?? 'asc',
  });
  const rows = rowsOf<ExternalTaskRow>(await dataSource.query(query.text, query.params));
  if (rows.length === 0) return [];
  rows.sort(compareBy(request));

  const topicOf = (name: string): TopicRequest => request.topics.find((t) => t.topicName === name)!;
  const wanted = new Set<string | null>();
  const instanceIds = new Set<string>();
  for (const r of rows) {
    const t = topicOf(r.topic_name);
    if (t.localVariables || t.variables?.length === 0) continue;
    instanceIds.add(r.process_instance_id);
    if (t.variables === undefined) wanted.add(null);
    else for (const n of t.variables) wanted.add(n);
  }
  const names = wanted.has(null) ? null : [...wanted] as string[];
  const byInstance = new Map<string, StoredVariableRow[]>();
  if (instanceIds.size > 0) {
    const vars = (await dataSource.query(variablesOfInstances, [[...instanceIds], names])) as VariableRow[];
    for (const v of vars) {
      const list = byInstance.get(v.process_instance_id) ?? [];
      list.push({ name: v.name, type: v.type, value: v.value, valueInfo: v.value_info ?? {} });
      byInstance.set(v.process_instance_id, list);
    }
  }

  return rows.map((r) => {
    const t = topicOf(r.topic_name);
    const info = toExternalTaskInfo(r, { withErrorDetails: true });
    return {
      ...info,
      workerId: request.workerId,
      lockExpirationTime: info.lockExpirationTime ?? now,
      variables: variablesFor(t, byInstance.get(r.process_instance_id) ?? [], localVariablesOf(r)),
      requestedExtensionProperties: t.includeExtensionProperties ? info.extensionProperties : null,
    };
  });
}

/** Process variables shadowed by local ones, then cut to the names the topic asked for. */
function variablesFor(topic: TopicRequest, processScope: StoredVariableRow[], local: StoredVariableRow[]): StoredVariableRow[] {
  const merged = new Map<string, StoredVariableRow>();
  if (!topic.localVariables) for (const v of processScope) merged.set(v.name, v);
  for (const v of local) merged.set(v.name, v);
  const list = [...merged.values()];
  return topic.variables === undefined ? list : list.filter((v) => topic.variables!.includes(v.name));
}

/** UPDATE … RETURNING does not keep the ORDER BY of the pick; the answer should. */
function compareBy(request: FetchAndLockRequest): (a: ExternalTaskRow, b: ExternalTaskRow) => number {
  const desc = request.sorting?.[0]?.sortOrder === 'desc' ? -1 : 1;
  return (a, b) => {
    if (request.usePriority) {
      const p = Number(b.priority) - Number(a.priority);
      if (p !== 0) return p;
    }
    const t = new Date(a.created_at).getTime() - new Date(b.created_at).getTime();
    if (t !== 0) return desc * t;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Unlocks what a long poll locked for a client that is no longer there to receive it. */
export async function releaseTasks(dataSource: DataSource, ids: string[], workerId: string): Promise<void> {
  if (ids.length > 0) await dataSource.query(releaseLocks, [ids, workerId]);
}
