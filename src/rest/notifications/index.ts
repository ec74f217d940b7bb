/**
 * `GET /api/work-orders/{id}/notifications`: every SMS of the order — to whom, which template,
 * the text, and whether it was sent, is being retried (next attempt), or raised an incident.
 * A requester's number is masked for viewers who may not see the requester (as on the order).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { DEFAULT_TIME_ZONE, formatWithOffset } from '../../calendar/index.js';
import type { Notification } from '../../notifications/index.js';
import type { Viewer } from '../../work-orders/index.js';
import { installCamundaConventions } from '../camunda/index.js';
import '../engine-rest/services-decorator.js';

export interface NotificationRoutesOptions {
  /** Who is asking; undefined means unmasked (until authentication provides roles). */
  viewerOf?: (request: FastifyRequest) => Viewer | undefined;
}

const OrderParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128, description: 'work order id or number' }) });
const time = (d: Date | null): string | null => (d ? formatWithOffset(d, DEFAULT_TIME_ZONE) : null);

function notificationDto(n: Notification) {
  return { ...n, nextAttemptAt: time(n.nextAttemptAt), incidentAt: time(n.incidentAt), createdAt: time(n.createdAt), sentAt: time(n.sentAt) };
}

/** Register with `{ prefix: '/api/work-orders/:id/notifications' }`: a scope of its own, as `/api/work-orders` has its 404 handler. */
export const notificationRoutes: FastifyPluginAsync<NotificationRoutesOptions> = async (app, options) => {
  installCamundaConventions(app);
  const viewerOf = options.viewerOf ?? (() => undefined);
  app.get('/', { schema: { tags: ['work-orders'], summary: 'SMS notifications of one work order: recipient, template, text, delivery state', params: OrderParams } }, async (request) => {
    const { workOrder, items } = await app.services.notifications.forOrder((request.params as { id: string }).id, viewerOf(request));
    return { workOrder, items: items.map(notificationDto) };
  });
};
