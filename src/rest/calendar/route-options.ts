import type { CalendarService } from '../../calendar/index.js';
import type { CalendarAuthorizer } from './access.js';

/** What every route file of /api/calendar gets. */
export interface CalendarRouteOptions {
  calendars: CalendarService;
  authorize: CalendarAuthorizer;
}
