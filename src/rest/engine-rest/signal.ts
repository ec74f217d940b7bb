import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { InvalidRequestError, NullableVariableMapSchema, decodeVariables, toEngineVariables, withoutTransient } from '../camunda/index.js';
import './services-decorator.js';
import { actorOf } from '../../auth/index.js';

const nullableString = Type.Optional(Type.Union([Type.String(), Type.Null()]));

const SignalBody = Type.Object({
  name: nullableString,
  executionId: nullableString,
  variables: Type.Optional(NullableVariableMapSchema),
  tenantId: nullableString,
  withoutTenantId: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
});

/** `POST /signal` (spec 4.7): broadcast to every waiting signal catch event of that name; none is fine. */
export const signalRoutes: FastifyPluginAsync = async (app) => {
  const { signals } = app.services;

  app.post('/signal', { schema: { tags: ['signal'], summary: 'Broadcast a signal', body: SignalBody } }, async (request, reply) => {
    const body = request.body as { name?: string | null; executionId?: string | null; variables?: unknown; tenantId?: string | null; withoutTenantId?: boolean | null };
    if (!body.name) throw new InvalidRequestError('No signal name given', 'name');
    if (body.tenantId && body.withoutTenantId) {
      throw new InvalidRequestError("Parameter 'tenantId' cannot be used together with parameter 'withoutTenantId'.", 'withoutTenantId');
    }
    const variables = toEngineVariables(withoutTransient(decodeVariables(body.variables, 'variables')));
    const delivered = await signals.broadcast({
      name: body.name,
      ...(body.executionId ? { executionId: body.executionId } : {}),
      ...(body.tenantId ? { tenantId: body.tenantId } : {}),
      withoutTenantId: body.withoutTenantId === true,
      ...(Object.keys(variables).length ? { variables } : {}),
      userId: actorOf(request),
    });
    request.log.info({ signalName: body.name, delivered }, 'signal broadcast');
    return reply.code(204).send();
  });
};
