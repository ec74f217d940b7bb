/**
 * `/api/work-orders`: register a work order from any channel (POST, with `Idempotency-Key`),
 * list orders with filters, paging and sorting, read one with its full timeline. Errors are
 * Camunda-style `{type, message}` bodies, as on every /api route.
 *
 * Who is asking decides whether requester names and phones are masked (masking.ts) and which
 * orders exist for them (src/access: another unit's order is 404). `viewerOf` is that seam;
 * buildApp passes src/auth's; without it every caller sees every order unmasked.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import * as wo from '../../work-orders/index.js';
import { installCamundaConventions, registerErrorMapping, NotFoundError, InvalidRequestError, CamundaHttpError, AuthorizationError } from '../camunda/index.js';
import '../engine-rest/services-decorator.js';
import { workOrderDetailDto, workOrderDto } from './dto.js';

registerErrorMapping(wo.WorkOrderNotFoundError, (e) => new NotFoundError(e.message, 'work-order', e.reference));
registerErrorMapping(wo.InvalidWorkOrderError, (e) => new InvalidRequestError(e.message, e.field));
registerErrorMapping(wo.InvalidWorkOrderQueryError, (e) => new InvalidRequestError(e.message, e.parameter));
/** The key was used for a different form: 422, as the IETF Idempotency-Key draft says. */
registerErrorMapping(wo.IdempotencyKeyReusedError, (e) => new CamundaHttpError(422, 'IdempotencyKeyReusedException', e.message, null));

export interface WorkOrderRoutesOptions {
  /** Who is asking; undefined means unmasked and unscoped. */
  viewerOf?: (request: FastifyRequest) => wo.Viewer | undefined;
}

const IntakeHeaders = Type.Object({ 'idempotency-key': Type.Optional(wo.IdempotencyKeySchema) });
const OrderParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128, description: 'work order id or number' }) });

/** Register with `{ prefix: '/api/work-orders' }` (each /api scope sets its own 404 handler). */
export const workOrderRoutes: FastifyPluginAsync<WorkOrderRoutesOptions> = async (app, options) => {
  installCamundaConventions(app);
  const service = app.services.workOrders;
  const viewerOf = options.viewerOf ?? (() => undefined);

  app.post(
    '/',
    {
      schema: {
        tags: ['work-orders'],
        summary: 'Register a work order and start its region\'s process; a replayed Idempotency-Key returns the first order (200)',
        headers: IntakeHeaders,
        body: wo.IntakeSchema,
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const region = (request.body as { region?: unknown }).region;
      // A region-bound office registers for its own region only (it could not read the order back).
      if (viewer?.scope?.region && region !== viewer.scope.region) {
        throw new AuthorizationError(`User '${viewer.userId}' registers work orders for region ${viewer.scope.region} only`, viewer.userId ?? null);
      }
      const key = (request.headers as { 'idempotency-key'?: string })['idempotency-key'];
      const { order, created } = await service.register(request.body as wo.IntakeInput, { idempotencyKey: key, userId: viewer?.userId ?? null }, viewer);
      if (created) request.log.info({ workOrder: order.number, region: order.region, instance: order.processInstanceId }, 'work order registered');
      reply.header('location', `/api/work-orders/${order.id}`);
      if (!created) reply.header('idempotent-replayed', 'true');
      return reply.code(created ? 201 : 200).send(workOrderDetailDto(order));
    },
  );

  app.get(
    '/',
    { schema: { tags: ['work-orders'], summary: 'Work orders by region, unit, status, category, channel, overdue, time of request and text', querystring: wo.ListQuerySchema } },
    async (request) => {
      const list = wo.parseListQuery(request.query as wo.ListQuery);
      const { total, items } = await service.list(list, viewerOf(request));
      return { total, firstResult: list.firstResult, maxResults: list.maxResults, items: items.map(workOrderDto) };
    },
  );

  app.get(
    '/:id',
    { schema: { tags: ['work-orders'], summary: 'One work order (by id or number) with its full timeline', params: OrderParams } },
    async (request) => workOrderDetailDto(await service.get((request.params as { id: string }).id, viewerOf(request))),
  );
};
