import type { FastifyInstance } from 'fastify';
import type { CalendarRouteOptions } from './route-options.js';
import { guard } from './access.js';
import { StatusQuery, StatusResponse } from './schemas.js';

/**
 * GET /status: per region, the years with a schedule (and where each comes from), and whether
 * the current or the next year is missing, so an administrator sees in December that next
 * year's notice must be loaded. Lists 'default' and every region ever edited; `?region=`
 * asks about one region (any region, edited or not).
 */
export function statusRoutes(app: FastifyInstance, { calendars, authorize }: CalendarRouteOptions): void {
  app.get('/status', {
    schema: { tags: ['calendar'], summary: 'Years with a holiday schedule, per region', querystring: StatusQuery, response: { 200: StatusResponse } },
    preHandler: guard(authorize, 'read'),
  }, async (request) => {
    const { region } = request.query as { region?: string };
    const regions = region === undefined ? await calendars.regions() : [region];
    return { regions: await Promise.all(regions.map((r) => calendars.status(r))) };
  });
}
