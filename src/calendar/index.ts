/**
 * The business calendar: when is a work order due? A deadline is a start instant plus an
 * amount in hours, natural days or working days, computed in the region's time zone. Working
 * days follow the national holidays and make-up working weekends (调休) published in the
 * chinese-days package, plus per-region overrides that administrators edit (single days,
 * whole years); a year with no schedule is an error naming the year, never a Monday–Friday
 * guess. Conventions (start day never counts, end of day, ...) are in docs/calendar.md.
 *
 *   const calendars = new CalendarService({ overrides, clock });
 *   const calendar = await calendars.forRegion('puyang');
 *   calendar.addDuration(dispatchedAt, 5, 'workingDays');           // Date
 *   createCalendarFunctions(calendar, clock).deadline('3wd');        // '2026-10-10T18:00:00.000+08:00'
 *
 * PgCalendarOverrides is the database store (InMemoryCalendarOverrides the reference one);
 * the HTTP API (src/rest/calendar) uses the TypeBox schemas and CalendarService. Diagrams reach
 * the calendar through createRegionCalendarFunctions: the engine host loads the instance's
 * region into a CalendarCache before each command, and the functions read it synchronously.
 */
export { BusinessCalendar, type DayInfo } from './business-calendar.js';
export { CalendarService, type CalendarServiceOptions, type DeadlinePreview } from './calendar-service.js';
export type { CalendarOverrides, RegionOverridesSnapshot, SqlRunner } from './calendar-overrides.js';
export { InMemoryCalendarOverrides } from './in-memory-overrides.js';
export { PgCalendarOverrides, type PgCalendarOverridesOptions } from './pg-overrides.js';
export { CalendarCache } from './calendar-cache.js';
export { createRegionCalendarFunctions, regionOfTenant, DEFAULT_REGION } from './region-functions.js';
export {
  chineseDaysHolidaySource,
  emptyHolidaySource,
  holidaySourceFromData,
  type ChineseDaysData,
  type HolidaySource,
} from './holiday-source.js';
export { yearScheduleFromInput, type YearSchedule } from './year-schedule.js';
export {
  DEFAULT_END_OF_DAY,
  DEFAULT_REGION_SETTINGS,
  DEFAULT_TIME_ZONE,
  endOfDayMinutes,
  resolveRegionSettings,
} from './region-settings.js';
export { formatDeadlineSpec, parseDeadlineSpec } from './deadline-spec.js';
export {
  createCalendarFunctions,
  toStartInstant,
  type CalendarFunction,
  type CalendarFunctions,
} from './calendar-functions.js';
export { addDays, isLocalDate, parseLocalDate, weekdayOf, yearOf } from './local-date.js';
export { formatWithOffset, localDateOf, zonedTimeToInstant } from './time-zone.js';
export {
  CalendarStatusSchema,
  DayOverrideKindSchema,
  DayOverrideSchema,
  DeadlineSpecSchema,
  DeadlineUnitSchema,
  LocalDateSchema,
  RegionSettingsPatchSchema,
  RegionSettingsSchema,
  ScheduleSourceSchema,
  YearScheduleInputSchema,
  type CalendarStatus,
  type DayOverride,
  type DayOverrideKind,
  type DeadlineSpec,
  type DeadlineUnit,
  type LocalDate,
  type RegionSettings,
  type RegionSettingsPatch,
  type ScheduleSource,
  type YearScheduleInput,
} from './schemas.js';
export {
  CalendarYearNotCoveredError,
  CalendarNotLoadedError,
  HolidayDataError,
  InvalidCalendarDateError,
  InvalidDeadlineSpecError,
  InvalidRegionSettingsError,
  InvalidYearScheduleError,
} from './errors.js';
