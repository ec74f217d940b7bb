import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import { maskPhone, seesRequester, type Viewer, type WorkOrderQueries } from '../work-orders/index.js';
import { fromOutboxRow, fromUnrecordedTask, type Notification } from './notification.js';
import * as sql from './sql/notifications.js';

/** The role under which the worker writes to the requester (src/worker, REQUESTER_ROLE). */
const REQUESTER_ROLE = 'requester';

/**
 * The per-order view of notifications: every SMS step of the order's process, sent or not,
 * oldest first. The outbox is written by the worker, which may run on another machine but uses
 * the same database (DATABASE_URL), so the service reads it directly.
 */
export class NotificationQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly workOrders: WorkOrderQueries,
  ) {}

  async forOrder(reference: string, viewer?: Viewer): Promise<{ workOrder: string; items: Notification[] }> {
    const now = this.clock.now();
    // One snapshot: a message moving from "queued" to the outbox is seen on one side only.
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const order = await this.workOrders.get(reference, undefined, tx);
      if (!order.processInstanceId) return { workOrder: order.number, items: [] };
      const recorded = ((await tx.query(sql.outboxOfInstance, [order.processInstanceId])) as Array<Record<string, unknown>>).map((r) => fromOutboxRow(r, now));
      const waiting = ((await tx.query(sql.unrecordedSmsTasks, [order.processInstanceId])) as Array<Record<string, unknown>>).map(fromUnrecordedTask);
      const masked = !seesRequester(viewer, order.category);
      const items = [...recorded, ...waiting]
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
        // A unit head's number is work contact data; the requester's is personal, masked like on the order.
        .map((n) => (masked && n.recipientRole === REQUESTER_ROLE && n.recipient ? { ...n, recipient: maskPhone(n.recipient) } : n));
      return { workOrder: order.number, items };
    });
  }
}
