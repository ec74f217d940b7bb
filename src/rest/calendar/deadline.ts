import type { FastifyInstance } from 'fastify';
import {
  formatDeadlineSpec,
  formatWithOffset,
  InvalidCalendarDateError,
  InvalidDeadlineSpecError,
  type DeadlinePreview,
  type DeadlineUnit,
} from '../../calendar/index.js';
import { InvalidRequestError } from '../camunda/index.js';
import { guard } from './access.js';
import type { CalendarRouteOptions } from './route-options.js';
import { DeadlineQuery, DeadlineResponse, RegionParams } from './schemas.js';

/**
 * GET /regions/{region}/deadline?start=&amount=&unit=: the due time a diagram would get, for
 * administrators checking a calendar edit or a scheme's limits before deploying. Computed
 * exactly as deadline('…') in an expression; a year without a schedule answers 422.
 */
export function deadlineRoutes(app: FastifyInstance, { calendars, authorize }: CalendarRouteOptions): void {
  app.get('/regions/:region/deadline', {
    schema: { tags: ['calendar'], summary: 'Preview a deadline in the region', params: RegionParams, querystring: DeadlineQuery, response: { 200: DeadlineResponse } },
    preHandler: guard(authorize, 'read'),
  }, async (request) => {
    const { region } = request.params as { region: string };
    const q = request.query as { amount: string; unit: DeadlineUnit; start?: string };
    let preview: DeadlinePreview;
    try {
      preview = await calendars.deadline(region, { amount: Number(q.amount), unit: q.unit }, q.start);
    } catch (err) {
      // Name the query parameter at fault, as schema errors do.
      if (err instanceof InvalidDeadlineSpecError) throw new InvalidRequestError(`Invalid query parameter 'amount': ${err.reason}`, 'amount');
      if (err instanceof InvalidCalendarDateError) throw new InvalidRequestError(`Invalid query parameter 'start': ${err.reason}`, 'start');
      throw err;
    }
    const { calendar, start, spec, due } = preview;
    return {
      region,
      timeZone: calendar.timeZone,
      endOfDay: calendar.settings.endOfDay,
      start: formatWithOffset(start, calendar.timeZone),
      amount: spec.amount,
      unit: spec.unit,
      spec: formatDeadlineSpec(spec),
      due: formatWithOffset(due, calendar.timeZone),
    };
  });
}
