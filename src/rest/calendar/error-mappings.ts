/**
 * How the calendar's errors are answered (Camunda-style `{ type, message, code }` bodies, as
 * everywhere else). CalendarYearNotCoveredError (422) is mapped with the engine's errors in
 * engine-rest/error-mappings.ts, because starting or completing work reaches it too.
 */
import * as calendar from '../../calendar/index.js';
import { InvalidRequestError, registerErrorMapping } from '../camunda/index.js';
import '../engine-rest/error-mappings.js';

registerErrorMapping(calendar.InvalidDeadlineSpecError, (e) => new InvalidRequestError(e.message));
registerErrorMapping(calendar.InvalidCalendarDateError, (e) => new InvalidRequestError(e.message));
registerErrorMapping(calendar.InvalidRegionSettingsError, (e) => new InvalidRequestError(e.message, e.field));
registerErrorMapping(calendar.InvalidYearScheduleError, (e) => new InvalidRequestError(e.message));
