import t from 'tap';
import {
  BusinessCalendar,
  CalendarYearNotCoveredError,
  chineseDaysHolidaySource,
  formatWithOffset,
  InMemoryCalendarOverrides,
} from '../../src/calendar/index.js';

const calendar = new BusinessCalendar(chineseDaysHolidaySource(), await new InMemoryCalendarOverrides().snapshot('puyang'));
const at = (iso: string) => new Date(iso);
const iso = (instant: Date) => formatWithOffset(instant, 'Asia/Shanghai');

t.test('defaults: Asia/Shanghai, end of day 18:00', async (t) => {
  t.same(calendar.settings, { timeZone: 'Asia/Shanghai', endOfDay: '18:00' });
});

t.test('2026 working days, including make-up weekends (调休)', async (t) => {
  const expected: Record<string, boolean> = {
    '2026-01-01': false, // 元旦
    '2026-01-04': true, // Sunday, make-up
    '2026-02-13': true, // Friday before 春节
    '2026-02-14': true, // Saturday, make-up
    '2026-02-16': false, // 春节 (Monday)
    '2026-02-23': false, // 春节 (Monday)
    '2026-02-24': true,
    '2026-02-28': true, // Saturday, make-up
    '2026-04-06': false, // 清明 (Monday)
    '2026-05-05': false, // 劳动节 (Tuesday)
    '2026-05-09': true, // Saturday, make-up
    '2026-06-19': false, // 端午 (Friday)
    '2026-09-20': true, // Sunday, make-up
    '2026-09-25': false, // 中秋 (Friday)
    '2026-09-30': true, // Wednesday, last working day before 国庆
    '2026-10-01': false,
    '2026-10-07': false,
    '2026-10-08': true,
    '2026-10-10': true, // Saturday, make-up
    '2026-10-11': false, // ordinary Sunday
    '2026-03-14': false, // ordinary Saturday
    '2026-03-16': true, // ordinary Monday
  };
  for (const [date, working] of Object.entries(expected)) t.equal(calendar.isWorkingDay(date), working, date);
  t.same(calendar.describeDay('2026-10-10'), {
    date: '2026-10-10',
    working: true,
    kind: 'makeUpWorkday',
    decidedBy: 'chinese-days',
  });
});

t.test('3 working days from Wednesday 30 September 2026 skip 国庆 and use Saturday 10 October', async (t) => {
  const due = calendar.addDuration(at('2026-09-30T10:00:00+08:00'), 3, 'workingDays');
  t.equal(iso(due), '2026-10-10T18:00:00.000+08:00'); // Thu 8 (1), Fri 9 (2), Sat 10 make-up (3)
  t.equal(iso(calendar.addDuration(at('2026-09-30T10:00:00+08:00'), 5, 'workingDays')), '2026-10-13T18:00:00.000+08:00');
});

t.test('5 working days across an ordinary weekend', async (t) => {
  // Thursday 12 March: Fri 13, Mon 16, Tue 17, Wed 18, Thu 19.
  t.equal(iso(calendar.addDuration(at('2026-03-12T10:00:00+08:00'), 5, 'workingDays')), '2026-03-19T18:00:00.000+08:00');
});

t.test('the start day never counts, whatever the time', async (t) => {
  const oneDay = (start: string) => iso(calendar.addDuration(at(start), 1, 'workingDays'));
  t.equal(oneDay('2026-03-16T00:30:00+08:00'), '2026-03-17T18:00:00.000+08:00', 'early Monday → Tuesday');
  t.equal(oneDay('2026-03-13T23:30:00+08:00'), '2026-03-16T18:00:00.000+08:00', 'late Friday → Monday');
  t.equal(oneDay('2026-03-14T10:00:00+08:00'), '2026-03-16T18:00:00.000+08:00', 'Saturday → Monday');
  // 17:00 UTC on Sunday is already 01:00 Monday in Shanghai: the local date decides.
  t.equal(oneDay('2026-03-15T17:00:00Z'), '2026-03-17T18:00:00.000+08:00', 'UTC Sunday, local Monday → Tuesday');
});

t.test('a make-up Sunday counts as a working day', async (t) => {
  // Friday 18 September → Sunday 20 (make-up for 国庆).
  t.equal(iso(calendar.addDuration(at('2026-09-18T10:00:00+08:00'), 1, 'workingDays')), '2026-09-20T18:00:00.000+08:00');
  // New Year's Eve 2025 → 元旦 1–3 January → Sunday 4 January 2026 (make-up), across the year boundary.
  t.equal(iso(calendar.addDuration(at('2025-12-31T16:00:00+08:00'), 1, 'workingDays')), '2026-01-04T18:00:00.000+08:00');
});

t.test('春节 2026: the make-up Saturdays on both sides', async (t) => {
  const from = at('2026-02-13T10:00:00+08:00'); // Friday
  t.equal(iso(calendar.addDuration(from, 1, 'workingDays')), '2026-02-14T18:00:00.000+08:00');
  t.equal(iso(calendar.addDuration(from, 2, 'workingDays')), '2026-02-24T18:00:00.000+08:00');
  t.equal(iso(calendar.addDuration(from, 5, 'workingDays')), '2026-02-27T18:00:00.000+08:00');
  t.equal(iso(calendar.addDuration(from, 6, 'workingDays')), '2026-02-28T18:00:00.000+08:00');
});

t.test('natural days: end of day of the nth calendar day, holidays included', async (t) => {
  t.equal(iso(calendar.addDuration(at('2026-09-30T10:00:00+08:00'), 3, 'naturalDays')), '2026-10-03T18:00:00.000+08:00');
  t.equal(iso(calendar.addDuration(at('2026-09-30T23:59:00+08:00'), 1, 'naturalDays')), '2026-10-01T18:00:00.000+08:00');
});

t.test('hours are clock hours, across midnight and holidays', async (t) => {
  t.equal(iso(calendar.addDuration(at('2026-03-16T22:30:00+08:00'), 3, 'hours')), '2026-03-17T01:30:00.000+08:00');
  t.equal(iso(calendar.addDuration(at('2026-09-30T10:00:00+08:00'), 24, 'hours')), '2026-10-01T10:00:00.000+08:00');
  t.equal(iso(calendar.addDuration(at('2026-03-16T09:00:00+08:00'), 1.5, 'hours')), '2026-03-16T10:30:00.000+08:00');
});

t.test('a year without a schedule is an error that names it', async (t) => {
  const error = t.throws(() => calendar.isWorkingDay('2031-06-02')) as CalendarYearNotCoveredError;
  t.ok(error instanceof CalendarYearNotCoveredError);
  t.equal(error.name, 'CalendarYearNotCoveredError');
  t.equal(error.year, 2031);
  t.equal(error.region, 'puyang');
  t.match(error.message, /no holiday schedule for 2031 in region puyang/);

});

t.test('a deadline fails only when it reaches an unknown year', async (t) => {
  // Monday 28 December 2026: Tue 29, Wed 30, Thu 31, then 2027 is unknown.
  t.equal(iso(calendar.addDuration(at('2026-12-28T10:00:00+08:00'), 3, 'workingDays')), '2026-12-31T18:00:00.000+08:00');
  const error = t.throws(() => calendar.addDuration(at('2026-12-28T10:00:00+08:00'), 4, 'workingDays')) as CalendarYearNotCoveredError;
  t.equal(error.year, 2027);
  t.throws(() => calendar.workingDaysBetween(at('2026-12-30T10:00:00+08:00'), at('2027-01-05T10:00:00+08:00')), {
    name: 'CalendarYearNotCoveredError',
  });
});

t.test('hours and natural days do not need a schedule', async (t) => {
  t.equal(iso(calendar.addDuration(at('2031-06-02T10:00:00+08:00'), 24, 'hours')), '2031-06-03T10:00:00.000+08:00');
  t.equal(iso(calendar.addDuration(at('2031-06-02T10:00:00+08:00'), 3, 'naturalDays')), '2031-06-05T18:00:00.000+08:00');
});

t.test('workingDaysBetween counts like deadlines do', async (t) => {
  const start = at('2026-09-30T10:00:00+08:00');
  for (const n of [1, 3, 5, 10]) {
    t.equal(calendar.workingDaysBetween(start, calendar.addDuration(start, n, 'workingDays')), n, `${n} working days`);
  }
  t.equal(calendar.workingDaysBetween(start, at('2026-09-30T17:00:00+08:00')), 0, 'same day');
  t.equal(calendar.workingDaysBetween(start, at('2026-10-07T17:00:00+08:00')), 0, 'only holidays in between');
  // Due Saturday 10 October 18:00, closed Monday 12 October: overdue by 1 working day (Sunday is off).
  t.equal(calendar.workingDaysBetween(at('2026-10-10T18:00:00+08:00'), at('2026-10-12T09:00:00+08:00')), 1);
  t.equal(calendar.workingDaysBetween(at('2026-10-10T18:00:00+08:00'), at('2026-10-08T09:00:00+08:00')), -2, 'early');
  // 湘潭: a unit may return an order within 2 working days of signing.
  const signed = at('2026-09-30T16:00:00+08:00');
  const returnBy = calendar.addDuration(signed, 2, 'workingDays');
  t.equal(iso(returnBy), '2026-10-09T18:00:00.000+08:00');
  t.equal(calendar.workingDaysBetween(signed, at('2026-10-09T11:00:00+08:00')), 2);
});

t.test('status reports the covered years and a missing next year', async (t) => {
  const status = calendar.status(at('2026-11-01T09:00:00+08:00'));
  t.equal(status.region, 'puyang');
  t.equal(status.timeZone, 'Asia/Shanghai');
  t.equal(status.endOfDay, '18:00');
  t.same(status.years.map((y) => y.year), calendar.coveredYears());
  t.same(status.years.at(-1), { year: 2026, source: 'chinese-days', holidays: 33, workdays: 6, dayOverrides: 0 });
  t.equal(status.currentYear, 2026);
  t.equal(status.missingCurrentYear, false);
  t.equal(status.missingNextYear, true);
  t.equal(calendar.status(at('2025-06-01T00:00:00+08:00')).missingNextYear, false);
});

t.test('local dates are checked', async (t) => {
  t.throws(() => calendar.isWorkingDay('2026-02-30'), { name: 'InvalidCalendarDateError' });
  t.throws(() => calendar.isWorkingDay('2026/03/01'), { name: 'InvalidCalendarDateError' });
  t.throws(() => calendar.addDuration(new Date(Number.NaN), 1, 'hours'), { name: 'InvalidCalendarDateError' });
  t.throws(() => calendar.addDuration(at('2026-03-16T09:00:00+08:00'), 0, 'workingDays'), { name: 'InvalidDeadlineSpecError' });
  t.throws(() => calendar.addDuration(at('2026-03-16T09:00:00+08:00'), 1.5, 'workingDays'), { name: 'InvalidDeadlineSpecError' });
});
