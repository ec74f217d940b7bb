import { InvalidCalendarDateError, InvalidYearScheduleError } from './errors.js';
import { isWeekend, parseLocalDate, yearOf } from './local-date.js';
import type { LocalDate, ScheduleSource, YearScheduleInput } from './schemas.js';

/**
 * One calendar year's national (or administrator-loaded) schedule. A date in neither set
 * follows the Monday–Friday rule; the schedule's existence is what makes the year "covered".
 */
export interface YearSchedule {
  readonly year: number;
  /** Days off, 'YYYY-MM-DD'. May include weekend days inside a holiday block. */
  readonly holidays: ReadonlySet<LocalDate>;
  /** Make-up working days (调休上班), normally a Saturday or Sunday. */
  readonly workdays: ReadonlySet<LocalDate>;
  readonly source: ScheduleSource;
}

/**
 * Validates an administrator's whole-year schedule: every date real and inside the year, no
 * date both a holiday and a working day, make-up working days on weekends only (a weekday is
 * a working day anyway, so listing one is a typo, most likely a wrong date).
 */
export function yearScheduleFromInput(input: YearScheduleInput): YearSchedule {
  const { year } = input;
  if (!Number.isInteger(year) || year < 1900 || year > 9999) {
    throw new InvalidYearScheduleError(year, 'year must be an integer between 1900 and 9999');
  }
  const holidays = collect(year, input.holidays, 'holidays');
  const workdays = collect(year, input.workdays, 'workdays');
  for (const date of workdays) {
    if (holidays.has(date)) throw new InvalidYearScheduleError(year, `${date} is listed both as a holiday and as a working day`);
    if (!isWeekend(date)) throw new InvalidYearScheduleError(year, `make-up working day ${date} is not a Saturday or Sunday`);
  }
  return { year, holidays, workdays, source: 'override' };
}

function collect(year: number, dates: readonly string[], field: string): Set<LocalDate> {
  if (!Array.isArray(dates)) throw new InvalidYearScheduleError(year, `${field} must be a list of 'YYYY-MM-DD' dates`);
  const result = new Set<LocalDate>();
  for (const value of dates) {
    let date: LocalDate;
    try {
      date = parseLocalDate(value);
    } catch (error) {
      if (error instanceof InvalidCalendarDateError) throw new InvalidYearScheduleError(year, `${field}: ${error.message}`);
      throw error;
    }
    if (yearOf(date) !== year) throw new InvalidYearScheduleError(year, `${field}: ${date} is not in ${year}`);
    result.add(date);
  }
  return result;
}
