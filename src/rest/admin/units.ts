import type { FastifyPluginAsync } from 'fastify';
import type { Unit, UnitChanges, UnitKind } from '../../auth/index.js';
import { formatCamundaDate, installCamundaConventions } from '../camunda/index.js';
import '../engine-rest/services-decorator.js';
import './errors.js';
import { CreateUnitBody, IdParams, UpdateUnitBody } from './schemas.js';

function unitDto(u: Unit) {
  return { ...u, createdAt: formatCamundaDate(u.createdAt) };
}

/**
 * `/api/units`: everybody signed in reads them (dispatchers pick responsible units);
 * administrators create and change them. A unit id is the candidate group of its tasks, so it
 * cannot be renamed; a unit is never deleted (history names it).
 */
export const unitRoutes: FastifyPluginAsync = async (app) => {
  installCamundaConventions(app);
  const units = app.services.units;
  const tags = ['units'];

  app.get('/', { schema: { tags, summary: 'All units' } }, async () => (await units.list()).map(unitDto));
  app.get('/:id', { schema: { tags, params: IdParams } }, async (request) => unitDto(await units.get((request.params as { id: string }).id)));

  app.post('/', { schema: { tags, summary: 'Create a unit (its id is the candidate group)', body: CreateUnitBody } }, async (request, reply) => {
    const unit = await units.create(request.body as { id: string; name: string; kind?: UnitKind; regionId?: string | null });
    reply.header('location', `/api/units/${unit.id}`);
    return reply.code(201).send(unitDto(unit));
  });

  app.patch('/:id', { schema: { tags, summary: 'Rename a unit, change its kind or region', params: IdParams, body: UpdateUnitBody } }, async (request) =>
    unitDto(await units.update((request.params as { id: string }).id, request.body as UnitChanges)),
  );
};
