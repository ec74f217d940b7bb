import type { FastifyInstance } from 'fastify';
import type { YearSchedule, YearScheduleInput } from '../../calendar/index.js';
import { NotFoundError } from '../camunda/index.js';
import { guard } from './access.js';
import type { CalendarRouteOptions } from './route-options.js';
import { RegionParams, YearParams, YearScheduleBody, YearScheduleResponse } from './schemas.js';

/**
 * Whole years loaded by a region's administrators, from the State Council's notice: the way
 * to cover a year chinese-days has not published yet (2027 and later). A loaded year replaces
 * chinese-days for that region and year; deleting it lets chinese-days apply again.
 */
export function yearRoutes(app: FastifyInstance, { calendars, authorize }: CalendarRouteOptions): void {
  const tags = ['calendar'];

  app.post('/regions/:region/years', {
    schema: { tags, summary: "Load a whole year's holiday schedule (replaces any earlier one)", params: RegionParams, body: YearScheduleBody, response: { 201: YearScheduleResponse } },
    preHandler: guard(authorize, 'write'),
  }, async (request, reply) => {
    const { region } = request.params as { region: string };
    const schedule = await calendars.overrides.loadYear(region, request.body as YearScheduleInput);
    request.log.info({ region, year: schedule.year, holidays: schedule.holidays.size, workdays: schedule.workdays.size }, 'calendar year loaded');
    return reply.code(201).send(scheduleView(region, schedule));
  });

  app.get('/regions/:region/years/:year', {
    schema: { tags, summary: 'The schedule the region uses for a year (loaded, or from chinese-days)', params: YearParams, response: { 200: YearScheduleResponse } },
    preHandler: guard(authorize, 'read'),
  }, async (request) => {
    const { region, year } = request.params as { region: string; year: string };
    const calendar = await calendars.forRegion(region);
    if (!calendar.isCovered(Number(year))) throw new NotFoundError(`Region ${region} has no holiday schedule for ${year}`, 'calendar-year', year);
    return scheduleView(region, calendar.scheduleFor(Number(year)));
  });

  app.delete('/regions/:region/years/:year', {
    schema: { tags, summary: 'Remove a loaded year (chinese-days applies again, if it covers the year)', params: YearParams },
    preHandler: guard(authorize, 'write'),
  }, async (request, reply) => {
    const { region, year } = request.params as { region: string; year: string };
    if (!(await calendars.overrides.deleteYear(region, Number(year)))) {
      throw new NotFoundError(`Region ${region} has no loaded schedule for ${year}`, 'calendar-year', year);
    }
    request.log.info({ region, year: Number(year) }, 'calendar year removed');
    return reply.code(204).send();
  });
}

function scheduleView(region: string, schedule: YearSchedule) {
  return {
    region,
    year: schedule.year,
    source: schedule.source,
    holidays: [...schedule.holidays].sort(),
    workdays: [...schedule.workdays].sort(),
  };
}
