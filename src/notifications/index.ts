/**
 * Notifications of a work order (docs/notifications.md): the SMS steps of its process — dispatch
 * notices, pre-overdue reminders, supervision and escalation notices, the extension decision to
 * the requester — as the worker recorded them in the SMS outbox, with retries left, the next
 * attempt and any incident. Sending is the worker's (src/worker); this module only reads.
 *
 *   const notifications = new NotificationQueries(dataSource, clock, workOrders.queries);
 *   const { items } = await notifications.forOrder('puyang-20261123-0001', viewer);
 */
export { NotificationQueries } from './notification-queries.js';
export type { Notification, NotificationState } from './notification.js';
