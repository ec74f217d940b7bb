/** Message and signal subscriptions of running instances, oldest first. */

export const subscriptionColumns = `s.id, s.process_instance_id, s.execution_id, s.activity_id, s.event_name`;

export const subscriptionFrom = `FROM event_subscription s JOIN process_instance i ON i.id = s.process_instance_id`;

export const subscriptionOrder = `ORDER BY s.created_at ASC, s.id ASC`;
