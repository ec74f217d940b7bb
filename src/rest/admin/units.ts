import type { FastifyPluginAsync } from 'fastify';
import { userOf, type Unit, type UnitChanges, type UnitKind } from '../../auth/index.js';
import { REGION_WIDE_ROLES } from '../../access/index.js';
import { AuthorizationError, formatCamundaDate, installCamundaConventions } from '../camunda/index.js';
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

  /**
   * The unit's people, for handing a task to a colleague (a unit head assigns its unit's tasks;
   * a dispatcher any unit's). Only names and roles; read by the unit's own users, region-wide
   * roles and administrators — the full user administration stays the administrators'.
   */
  app.get('/:id/members', { schema: { tags, summary: "The unit's active users (id, username, display name, roles), for assigning its tasks", params: IdParams } }, async (request) => {
    const id = (request.params as { id: string }).id;
    const user = userOf(request);
    const unit = await units.get(id); // 404 for a unit that does not exist
    const sameRegion = !user?.region || unit.regionId === null || unit.regionId === user.region;
    const allowed = !user || user.roles.includes('administrator') || user.unitId === id || (sameRegion && user.roles.some((r) => REGION_WIDE_ROLES.includes(r)));
    if (!allowed) throw new AuthorizationError(`User '${user!.username}' reads the members of its own unit only`, user!.username);
    const { items } = await app.services.users.list({ unitId: id, disabled: false, firstResult: 0, maxResults: 500 });
    return items.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles }));
  });

  app.post('/', { schema: { tags, summary: 'Create a unit (its id is the candidate group)', body: CreateUnitBody } }, async (request, reply) => {
    const unit = await units.create(request.body as { id: string; name: string; kind?: UnitKind; regionId?: string | null });
    reply.header('location', `/api/units/${unit.id}`);
    return reply.code(201).send(unitDto(unit));
  });

  app.patch('/:id', { schema: { tags, summary: 'Rename a unit, change its kind or region', params: IdParams, body: UpdateUnitBody } }, async (request) =>
    unitDto(await units.update((request.params as { id: string }).id, request.body as UnitChanges)),
  );
};
