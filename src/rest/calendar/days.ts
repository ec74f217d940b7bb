import type { FastifyInstance } from 'fastify';
import { yearOf, type BusinessCalendar, type DayOverride, type DayOverrideKind, type LocalDate } from '../../calendar/index.js';
import { NotFoundError } from '../camunda/index.js';
import { guard } from './access.js';
import type { CalendarRouteOptions } from './route-options.js';
import { DayOverrideBody, DayOverrideListResponse, DayParams, DayResponse, DaysQuery, RegionParams, type DayResponseDto } from './schemas.js';

/**
 * A region's single-day overrides: a holiday (a county's own day off), a make-up working day,
 * or `normal` (back to Monday–Friday, cancelling the national entry). They win over every
 * year schedule. GET answers for any date, with what the calendar makes of it.
 */
export function dayRoutes(app: FastifyInstance, { calendars, authorize }: CalendarRouteOptions): void {
  const tags = ['calendar'];

  app.get('/regions/:region/days', {
    schema: { tags, summary: "The region's single-day overrides", params: RegionParams, querystring: DaysQuery, response: { 200: DayOverrideListResponse } },
    preHandler: guard(authorize, 'read'),
  }, async (request) => {
    const { region } = request.params as { region: string };
    const { year } = request.query as { year?: string };
    const snapshot = await calendars.overrides.snapshot(region);
    const days = [...snapshot.days.values()].filter((d) => year === undefined || yearOf(d.date) === Number(year));
    return { region, days: days.sort((a, b) => a.date.localeCompare(b.date)) };
  });

  app.get('/regions/:region/days/:date', {
    schema: { tags, summary: 'A date in the region: its override and whether it is a working day', params: DayParams, response: { 200: DayResponse } },
    preHandler: guard(authorize, 'read'),
  }, async (request) => {
    const { region, date } = request.params as { region: string; date: LocalDate };
    return dayView(await calendars.forRegion(region), date);
  });

  app.put('/regions/:region/days/:date', {
    schema: { tags, summary: 'Set the override of a date (holiday, make-up working day, or normal)', params: DayParams, body: DayOverrideBody, response: { 200: DayResponse } },
    preHandler: guard(authorize, 'write'),
  }, async (request) => {
    const { region, date } = request.params as { region: string; date: LocalDate };
    const { kind, note } = request.body as { kind: DayOverrideKind; note?: string };
    const override: DayOverride = note === undefined ? { date, kind } : { date, kind, note };
    await calendars.overrides.setDay(region, override);
    request.log.info({ region, date, kind }, 'calendar day override set');
    return dayView(await calendars.forRegion(region), date);
  });

  app.delete('/regions/:region/days/:date', {
    schema: { tags, summary: 'Remove the override of a date', params: DayParams },
    preHandler: guard(authorize, 'write'),
  }, async (request, reply) => {
    const { region, date } = request.params as { region: string; date: LocalDate };
    if (!(await calendars.overrides.clearDay(region, date))) {
      throw new NotFoundError(`Region ${region} has no override for ${date}`, 'calendar-day', date);
    }
    request.log.info({ region, date }, 'calendar day override removed');
    return reply.code(204).send();
  });
}

function dayView(calendar: BusinessCalendar, date: LocalDate): DayResponseDto {
  const override = calendar.dayOverride(date);
  const effective = calendar.isCovered(yearOf(date)) ? calendar.describeDay(date) : null;
  return {
    region: calendar.region,
    date,
    override: override ? { kind: override.kind, ...(override.note !== undefined && { note: override.note }) } : null,
    effective: effective && { working: effective.working, kind: effective.kind, decidedBy: effective.decidedBy },
  };
}
