import { createRequire } from 'node:module';
import t from 'tap';
import {
  addDays,
  chineseDaysHolidaySource,
  HolidayDataError,
  holidaySourceFromData,
  weekdayOf,
} from '../../src/calendar/index.js';

const chineseDays = createRequire(import.meta.url)('chinese-days') as {
  getDayDetail(date: string): { work: boolean; name: string; date: string };
  isWorkday(date: string): boolean;
};
const source = chineseDaysHolidaySource();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

t.test('chinese-days 1.5.7 publishes 2004 to 2026, and nothing after', async (t) => {
  const years = source.coveredYears();
  t.comment(`covered years: ${years[0]}–${years.at(-1)} (${years.length})`);
  t.same(years, Array.from({ length: 23 }, (_, i) => 2004 + i));
  t.equal(source.schedule(2027), undefined);
  t.equal(source.schedule(2031), undefined);
  t.equal(source.schedule(2003), undefined);
});

t.test("the 2026 schedule (国办发明电〔2025〕7号) as the data gives it", async (t) => {
  const schedule = source.schedule(2026);
  if (!schedule) return t.fail('2026 missing');
  t.equal(schedule.source, 'chinese-days');
  const show = (dates: Iterable<string>) => [...dates].map((d) => `${d} ${WEEKDAYS[weekdayOf(d)]}`).join(', ');
  t.comment(`2026 holidays: ${show(schedule.holidays)}`);
  t.comment(`2026 make-up working days: ${show(schedule.workdays)}`);

  const range = (from: string, days: number) => Array.from({ length: days }, (_, i) => addDays(from, i));
  const expectedHolidays = [
    ...range('2026-01-01', 3), // 元旦 Thu–Sat
    ...range('2026-02-15', 9), // 春节 Sun 15 – Mon 23
    ...range('2026-04-04', 3), // 清明 Sat–Mon
    ...range('2026-05-01', 5), // 劳动节 Fri–Tue
    ...range('2026-06-19', 3), // 端午 Fri–Sun
    ...range('2026-09-25', 3), // 中秋 Fri–Sun
    ...range('2026-10-01', 7), // 国庆 Thu–Wed
  ];
  t.same([...schedule.holidays].sort(), expectedHolidays);
  t.same([...schedule.workdays].sort(), [
    '2026-01-04', // Sunday, for 元旦
    '2026-02-14', // Saturday, for 春节
    '2026-02-28', // Saturday, for 春节
    '2026-05-09', // Saturday, for 劳动节
    '2026-09-20', // Sunday, for 国庆
    '2026-10-10', // Saturday, for 国庆
  ]);
  for (const date of schedule.workdays) t.ok([0, 6].includes(weekdayOf(date)), `${date} is a weekend day`);
});

t.test('agrees with chinese-days itself on every day of every covered year', async (t) => {
  let checked = 0;
  const mismatches: string[] = [];
  for (const year of source.coveredYears()) {
    const schedule = source.schedule(year)!;
    for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
      const weekend = [0, 6].includes(weekdayOf(date));
      const ours = schedule.workdays.has(date) || (!schedule.holidays.has(date) && !weekend);
      if (ours !== chineseDays.getDayDetail(date).work) mismatches.push(date);
      checked += 1;
    }
  }
  t.same(mismatches, []);
  t.ok(checked > 8000);
});

t.test("why its isWorkday() is not used: it guesses Monday–Friday for unpublished years", async (t) => {
  t.equal(chineseDays.isWorkday('2027-10-01'), true, 'National Day 2027 would count as a working day');
  t.equal(source.schedule(2027), undefined);
});

t.test('a year is covered only when its own notice is in the data', async (t) => {
  const synthetic = holidaySourceFromData({
    holidays: {
      '2030-02-03': 'Spring Festival,春节,4',
      '2030-10-01': 'National Day,国庆节,3',
      '2030-12-31': "New Year's Day,元旦,1", // the 2031 notice reaching back: 2031 stays unknown
      '2032-10-01': 'National Day,国庆节,3', // a partial year is not a published year
    },
    workdays: { '2030-02-09': 'Spring Festival,春节,4' },
  });
  t.same(synthetic.coveredYears(), [2030]);
  t.ok(synthetic.schedule(2030)?.holidays.has('2030-12-31'));
  t.same([...(synthetic.schedule(2030)?.workdays ?? [])], ['2030-02-09']);
  t.equal(synthetic.schedule(2031), undefined);
  t.equal(synthetic.schedule(2032), undefined);
});

t.test('malformed data is refused', async (t) => {
  t.throws(() => holidaySourceFromData({ holidays: { x: 'y' }, workdays: {} }), HolidayDataError);
  t.throws(() => holidaySourceFromData({ workdays: {} } as never), HolidayDataError);
});
