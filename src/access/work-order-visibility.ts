import { SqlFilter } from '../db/index.js';
import type { Queryable } from '../engine/index.js';
import type { AccessScope } from './scope.js';
import * as sql from './sql/visibility.js';

/**
 * Work orders the scope may see: of its region, and naming one of its units (current, lead or
 * responsible) or whose process ever offered the unit a task. `w` is the `work_order` alias.
 * Attachments are read only through their order, so they follow it.
 */
export function restrictWorkOrders(f: SqlFilter, scope: AccessScope | undefined, w = 'w'): SqlFilter {
  if (!scope) return f;
  if (scope.region !== null) f.where(`${w}.region = {}`, scope.region);
  if (scope.units !== null) {
    const u = scope.units;
    const viaProcess = sql.instanceOfUnits.replaceAll('$PID', `${w}.process_instance_id`);
    f.where(
      `(${w}.current_unit = ANY({}::text[]) OR ${w}.lead_unit = ANY({}::text[]) OR ${w}.responsible_units && {}::text[] OR ${viaProcess})`,
      u, u, u, u, scope.userId, u, scope.userId, u, u, u,
    );
  }
  return f;
}

/** Whether the scope may see the order with this id (the detail read answers 404 if not). */
export async function workOrderVisible(q: Queryable, orderId: string, scope: AccessScope | undefined): Promise<boolean> {
  if (!scope || (scope.region === null && scope.units === null)) return true;
  const f = restrictWorkOrders(new SqlFilter().where('w.id = {}', orderId), scope);
  return ((await q.query(sql.visibleWorkOrder(f.clause), f.params)) as unknown[]).length > 0;
}
