import type { Clock } from '../clock/index.js';
import type { BusinessCalendar } from './business-calendar.js';
import type { CalendarCache } from './calendar-cache.js';
import { createCalendarFunctions, type CalendarFunction, type CalendarFunctions } from './calendar-functions.js';

/** The region of instances whose definition has no tenant id. */
export const DEFAULT_REGION = 'default';

/** A process instance's region is its definition's tenant id; no tenant means 'default'. */
export function regionOfTenant(tenantId: unknown): string {
  return typeof tenantId === 'string' && tenantId !== '' ? tenantId : DEFAULT_REGION;
}

/**
 * What the expression evaluator passes as `this` (src/engine/expressions): the engine's
 * environment settings, where the engine host puts the instance's `tenantId`.
 */
interface FunctionThis {
  settings?: Readonly<Record<string, unknown>>;
}

/**
 * The expression functions a diagram calls (`deadline('3wd')`, `addWorkingDays(5)`, …), for
 * the expression evaluator's whitelist, which is fixed once per process. Each call picks the
 * calendar of the calling instance's region: the region comes from `this.settings.tenantId`,
 * the calendar from `cache`, where the engine host loaded it before the command started
 * (expression functions are synchronous; the store is not). Time comes from `clock`.
 */
export function createRegionCalendarFunctions(cache: CalendarCache, clock: Clock): CalendarFunctions {
  const bound = new WeakMap<BusinessCalendar, CalendarFunctions>();
  const functionsFor = (self: FunctionThis | undefined): CalendarFunctions => {
    const calendar = cache.get(regionOfTenant(self?.settings?.tenantId));
    let functions = bound.get(calendar);
    if (!functions) bound.set(calendar, (functions = createCalendarFunctions(calendar, clock)));
    return functions;
  };
  const named = (name: keyof CalendarFunctions): CalendarFunction =>
    // `...start` is passed on as it came, so an explicit undefined start is still refused.
    function (this: FunctionThis | undefined, amountOrSpec, ...start) {
      return functionsFor(this)[name](amountOrSpec, ...start);
    };
  return {
    addWorkingDays: named('addWorkingDays'),
    addHours: named('addHours'),
    addNaturalDays: named('addNaturalDays'),
    deadline: named('deadline'),
  };
}
