import type { SqlFilter } from '../db/index.js';
import type { AccessScope } from './scope.js';
import * as sql from './sql/visibility.js';

/**
 * Process instances (running or ended) the scope may see; everything hanging off an instance
 * (variables, activity history, external tasks, incidents) is filtered through it.
 * `instanceId` and `tenant` are the columns of the query that hold them.
 */
export function restrictInstances(f: SqlFilter, scope: AccessScope | undefined, instanceId: string, tenant: string): SqlFilter {
  if (!scope) return f;
  if (scope.region !== null) f.where(`${tenant} = {}`, scope.region);
  if (scope.units !== null) {
    const u = scope.units;
    f.where(sql.instanceOfUnits.replaceAll('$PID', instanceId), u, scope.userId, u, scope.userId, u, u, u);
  }
  return f;
}
