import type { Role } from './roles.js';
import { ROLES, TASK_ROLES } from './roles.js';

/** Who may call a route: a list of roles (any of them), or every signed-in user. */
export type Permission = readonly Role[] | 'any';

const ENGINE_BASES = ['/engine-rest/engine/default', '/engine-rest'];

/** `/engine-rest/engine/default/task/:id` → `/task/:id`; undefined outside /engine-rest. */
export function engineRestRoute(route: string): string | undefined {
  for (const base of ENGINE_BASES) {
    if (route === base) return '/';
    if (route.startsWith(`${base}/`)) return route.slice(base.length);
  }
  return undefined;
}

/** Camunda's POST queries (filters in the body): reads, allowed to auditors. */
const ENGINE_POST_QUERIES = [
  /^\/task(\/count)?$/,
  /^\/process-instance(\/count)?$/,
  /^\/external-task(\/count)?$/,
  /^\/history\/[a-z-]+(\/count)?$/,
];

const ADMIN: readonly Role[] = ['administrator'];
const OFFICE: readonly Role[] = ['administrator', 'dispatcher'];
const WORKER: readonly Role[] = ['administrator', 'worker'];
/** Anyone who changes things: every role but the read-only auditor and the worker account. */
const WRITERS: readonly Role[] = ROLES.filter((r) => r !== 'auditor' && r !== 'worker');

/** Writes under /engine-rest; the first match wins, anything else is for administrators. */
const ENGINE_WRITES: Array<[string, RegExp, readonly Role[]]> = [
  ['POST', /^\/task\/:id\/(claim|unclaim|assignee|complete|submit-form)$/, TASK_ROLES],
  ['POST', /^\/process-definition\/.*\/start$/, OFFICE],
  ['DELETE', /^\/process-instance\/:id$/, OFFICE],
  ['*', /^\/process-instance\/:id\/variables(\/:varName)?$/, OFFICE],
  ['POST', /^\/(message|signal)$/, ['administrator', 'dispatcher', 'worker']],
  ['POST', /^\/external-task\/fetchAndLock$/, WORKER],
  ['POST', /^\/external-task\/:id\/(complete|failure|bpmnError|extendLock|lock|unlock)$/, WORKER],
];

/** Writes under /api; the first match wins, anything else is for every writer. */
const API_WRITES: Array<[string, RegExp, readonly Role[]]> = [
  ['*', /^\/api\/(users|units)(\/|$)/, ADMIN],
  ['POST', /^\/api\/work-orders\/?$/, OFFICE],
  ['*', /^\/api\/(regions|calendar|clock)(\/|$)/, ADMIN],
];

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The roles a request needs, by method and route pattern (`request.routeOptions.url`).
 * Reads need a signed-in user; the auditor is refused every write (403), the worker account
 * everything outside its external tasks. Whether the named resource is visible is a separate
 * check (resource-guard.ts: 404).
 */
export function permissionFor(method: string, route: string): Permission {
  const engine = engineRestRoute(route);
  if (engine !== undefined) {
    if (READ_METHODS.has(method) || (method === 'POST' && ENGINE_POST_QUERIES.some((p) => p.test(engine)))) return 'any';
    return ENGINE_WRITES.find(([m, p]) => (m === '*' || m === method) && p.test(engine))?.[2] ?? ADMIN;
  }
  if (/^\/api\/auth(\/|$)/.test(route)) return 'any';
  if (READ_METHODS.has(method)) {
    // User administration reads are for administrators; the unit list is everyone's (dispatch).
    if (/^\/api\/users(\/|$)/.test(route)) return ADMIN;
    return ROLES.filter((r) => r !== 'worker');
  }
  return API_WRITES.find(([m, p]) => (m === '*' || m === method) && p.test(route))?.[2] ?? WRITERS;
}
