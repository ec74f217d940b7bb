import type { DataSource } from 'typeorm';
import { SqlFilter } from '../db/index.js';
import * as sql from './sql/subscriptions.js';

/** A row of `event_subscription`: one execution waiting for a message or signal. */
export interface Subscription {
  id: string;
  processInstanceId: string;
  executionId: string;
  activityId: string;
  eventName: string;
}

/** Finds the subscriptions of ACTIVE instances of one event type and name, narrowed by `narrow`. */
export async function findSubscriptions(
  dataSource: DataSource,
  eventType: 'message' | 'signal',
  eventName: string,
  narrow: (f: SqlFilter) => void,
): Promise<Subscription[]> {
  const f = new SqlFilter().eq('s.event_type', eventType).eq('s.event_name', eventName).where(`i.state = 'ACTIVE'`);
  narrow(f);
  const rows = (await dataSource.query(`SELECT ${sql.subscriptionColumns} ${sql.subscriptionFrom} ${f.clause} ${sql.subscriptionOrder}`, f.params)) as Array<Record<string, unknown>>;
  return rows.map((r) => ({
    id: String(r.id),
    processInstanceId: String(r.process_instance_id),
    executionId: String(r.execution_id),
    activityId: String(r.activity_id),
    eventName: String(r.event_name),
  }));
}

/** Subscriptions grouped by instance, in the order their first subscription came. */
export function byInstance(subscriptions: readonly Subscription[]): Map<string, Subscription[]> {
  const groups = new Map<string, Subscription[]>();
  for (const s of subscriptions) {
    const list = groups.get(s.processInstanceId) ?? [];
    list.push(s);
    groups.set(s.processInstanceId, list);
  }
  return groups;
}
