import type { SqlFilter } from '../db/index.js';
import type { AccessScope } from './scope.js';

/**
 * Open user tasks the scope may see: of its region, and offered to one of its units or
 * assigned to the user. `t` is the alias of the `task` table in the query.
 */
export function restrictTasks(f: SqlFilter, scope: AccessScope | undefined, t = 't'): SqlFilter {
  if (!scope) return f;
  if (scope.region !== null) f.where(`${t}.tenant_id = {}`, scope.region);
  // `&&` uses the GIN index on candidate_groups.
  if (scope.units !== null) f.where(`(${t}.candidate_groups && {}::text[] OR ${t}.assignee = {})`, scope.units, scope.userId);
  return f;
}
