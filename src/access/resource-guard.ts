import { SqlFilter } from '../db/index.js';
import type { Queryable } from '../engine/index.js';
import { restrictInstances } from './instance-visibility.js';
import type { AccessScope } from './scope.js';
import { isUnrestricted } from './scope.js';
import { restrictTasks } from './task-visibility.js';
import * as sql from './sql/visibility.js';

/** What an `/engine-rest` route names by its `:id`. */
export type GuardedResource = 'task' | 'instance' | 'activity' | 'externalTask';

/**
 * Route patterns (relative to the /engine-rest base) whose `:id` must be visible before the
 * handler runs: reads and commands alike, so a claim or complete of another unit's task is the
 * same 404 as a GET of it, and nothing is touched.
 */
const GUARDED: Array<[RegExp, GuardedResource]> = [
  [/^\/task\/:id(\/|$)/, 'task'],
  [/^\/process-instance\/:id(\/|$)/, 'instance'],
  [/^\/history\/process-instance\/:id$/, 'instance'],
  [/^\/history\/activity-instance\/:id$/, 'activity'],
  [/^\/external-task\/:id(\/|$)/, 'externalTask'],
];

export function guardedResource(relativeRoute: string): GuardedResource | undefined {
  return GUARDED.find(([pattern]) => pattern.test(relativeRoute))?.[1];
}

/**
 * Whether the scope may see the resource. An id that does not exist counts as visible: the
 * route answers its own 404 then, with its own wording.
 */
export async function resourceVisible(q: Queryable, kind: GuardedResource, id: string, scope: AccessScope): Promise<boolean> {
  if (isUnrestricted(scope)) return true;
  if (kind === 'task') {
    const f = restrictTasks(new SqlFilter().where('t.id = {}', id), scope);
    const [visible] = (await q.query(sql.visibleTask(f.clause), f.params)) as unknown[];
    if (visible) return true;
    const [exists] = (await q.query(sql.taskExists, [id])) as unknown[];
    return !exists;
  }
  const [row] = (await q.query(sql.ownerOf[kind], [id])) as Array<{ pid: string }>;
  if (!row) return true;
  const f = restrictInstances(new SqlFilter().where('i.id = {}', row.pid), scope, 'i.id', 'i.tenant_id');
  const [visible] = (await q.query(sql.visibleInstance(f.clause), f.params)) as unknown[];
  return Boolean(visible);
}
