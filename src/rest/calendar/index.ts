/**
 * `/api/calendar`: the business calendar's administration and previews (docs/calendar.md).
 * Status of every region (which years have a holiday schedule), a region's single-day
 * overrides, whole years loaded from the State Council's notice, the region's time zone and
 * end of day, and deadline previews. Errors answer Camunda-style `{ type, message, code }`
 * bodies like the rest of the service; a bad parameter or body field is a 400 naming it.
 *
 *   await app.register(calendarRoutes, { prefix: '/api/calendar', calendars: services.calendars });
 *
 * Authentication arrives later: pass `authorize` (see access.ts) to refuse requests; without
 * it every request is allowed.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { CalendarService } from '../../calendar/index.js';
import { installCamundaConventions } from '../camunda/index.js';
import { allowAll, type CalendarAuthorizer } from './access.js';
import './error-mappings.js';
import { dayRoutes } from './days.js';
import { deadlineRoutes } from './deadline.js';
import { settingsRoutes } from './settings.js';
import { statusRoutes } from './status.js';
import { yearRoutes } from './years.js';

export { allowAll, type CalendarAccess, type CalendarAction, type CalendarAuthorizer } from './access.js';

export interface CalendarRoutesOptions {
  calendars: CalendarService;
  /** The authentication seam; default: allow everything (no authentication yet). */
  authorize?: CalendarAuthorizer;
  /** Largest JSON body (a year's schedule is a few kB). */
  bodyLimit?: number;
}

export const calendarRoutes: FastifyPluginAsync<CalendarRoutesOptions> = async (app, options) => {
  installCamundaConventions(app, { bodyLimit: options.bodyLimit ?? 256 * 1024 });
  const routeOptions = { calendars: options.calendars, authorize: options.authorize ?? allowAll };
  statusRoutes(app, routeOptions);
  dayRoutes(app, routeOptions);
  yearRoutes(app, routeOptions);
  settingsRoutes(app, routeOptions);
  deadlineRoutes(app, routeOptions);
};
