/**
 * `/api/regions`: list regions with their active process definition, switch a region to another
 * version or scheme, roll back, and read the activation audit trail.
 */
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Activation } from '../../regions/index.js';
import * as regions from '../../regions/index.js';
import {
  installCamundaConventions,
  registerErrorMapping,
  NotFoundError,
  InvalidRequestError,
  ConflictError,
  formatCamundaDate,
  parsePaging,
} from '../camunda/index.js';
import '../engine-rest/services-decorator.js';
import { actorOf } from '../../auth/index.js';

registerErrorMapping(regions.RegionNotFoundError, (e) => new NotFoundError(e.message));
registerErrorMapping(regions.NoActiveDefinitionError, (e) => new ConflictError(e.message));
registerErrorMapping(regions.DefinitionNotActivatableError, (e) => new InvalidRequestError(e.message, 'definitionId'));
registerErrorMapping(regions.NothingToRollBackError, (e) => new ConflictError(e.message));
registerErrorMapping(regions.DefinitionActiveInRegionError, (e) => new ConflictError(e.message));

const RegionParams = Type.Object({ region: Type.String({ minLength: 1, maxLength: 64 }) });
const ActivateBody = Type.Union([
  Type.Object({ definitionId: Type.String({ minLength: 1 }), reason: Type.Optional(Type.String({ maxLength: 500 })), userId: Type.Optional(Type.String()) }),
  Type.Object({ key: Type.String({ minLength: 1 }), version: Type.Integer({ minimum: 1 }), reason: Type.Optional(Type.String({ maxLength: 500 })), userId: Type.Optional(Type.String()) }),
]);
const RollbackBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })), userId: Type.Optional(Type.String()) });

function activationDto(a: Activation) {
  return {
    id: a.id,
    regionId: a.regionId,
    definitionId: a.definitionId,
    definitionKey: a.definitionKey,
    definitionVersion: a.definitionVersion,
    definitionName: a.definitionName,
    previousDefinitionId: a.previousDefinitionId,
    kind: a.kind,
    activatedBy: a.activatedBy,
    reason: a.reason,
    activatedAt: formatCamundaDate(a.activatedAt),
  };
}

export const regionRoutes: FastifyPluginAsync = async (app) => {
  installCamundaConventions(app);
  const service = app.services.regions;

  app.get('/api/regions', { schema: { tags: ['regions'], summary: 'Regions and the process definition each one starts' } }, async () =>
    (await service.list()).map((r) => ({ id: r.id, name: r.name, active: r.active && activationDto(r.active) })),
  );

  app.get('/api/regions/:region', { schema: { tags: ['regions'], params: RegionParams } }, async (request) => {
    const r = await service.get((request.params as { region: string }).region);
    return { id: r.id, name: r.name, active: r.active && activationDto(r.active) };
  });

  app.get('/api/regions/:region/activations', { schema: { tags: ['regions'], summary: 'Audit trail of activations, newest first', params: RegionParams } }, async (request) => {
    const page = parsePaging(request.query);
    return (await service.history((request.params as { region: string }).region, page)).map(activationDto);
  });

  // The audit trail names the signed-in user; a body `userId` is kept for old clients but never
  // wins over the authenticated one (it only applies to apps built without authentication).
  app.post('/api/regions/:region/activate', { schema: { tags: ['regions'], summary: 'Switch the region to another version or scheme; running orders stay on theirs', params: RegionParams, body: ActivateBody } }, async (request) => {
    const { region } = request.params as { region: string };
    const body = request.body as { definitionId?: string; key?: string; version?: number; reason?: string; userId?: string };
    const definition = body.definitionId ? { definitionId: body.definitionId } : { key: body.key!, version: body.version! };
    const activation = await service.activate(region, { definition, userId: actorOf(request) ?? body.userId ?? null, reason: body.reason ?? null });
    request.log.info({ region, definitionId: activation.definitionId, previous: activation.previousDefinitionId }, 'region activated');
    return activationDto(activation);
  });

  app.post('/api/regions/:region/rollback', { schema: { tags: ['regions'], summary: 'Return the region to the previously active definition', params: RegionParams, body: RollbackBody } }, async (request) => {
    const { region } = request.params as { region: string };
    const body = request.body as { reason?: string; userId?: string };
    const activation = await service.rollback(region, actorOf(request) ?? body.userId ?? null, body.reason ?? null);
    request.log.info({ region, definitionId: activation.definitionId }, 'region rolled back');
    return activationDto(activation);
  });
};
