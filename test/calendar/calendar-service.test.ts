import t from 'tap';
import { TestClock } from '../../src/clock/index.js';
import {
  CalendarService,
  CalendarYearNotCoveredError,
  emptyHolidaySource,
  formatWithOffset,
  InMemoryCalendarOverrides,
  InvalidRegionSettingsError,
  InvalidYearScheduleError,
} from '../../src/calendar/index.js';

const at = (iso: string) => new Date(iso);
const shanghai = (instant: Date) => formatWithOffset(instant, 'Asia/Shanghai');

function setup(now = '2026-11-01T09:00:00+08:00') {
  const overrides = new InMemoryCalendarOverrides();
  const clock = new TestClock(at(now));
  return { overrides, clock, service: new CalendarService({ overrides, clock }) };
}

t.test('a holiday added for one region does not touch another', async (t) => {
  const { overrides, service } = setup();
  await overrides.setDay('puyang', { date: '2026-03-18', kind: 'holiday', note: '县庆' });
  const puyang = await service.forRegion('puyang');
  const xiangtan = await service.forRegion('xiangtan');
  t.equal(puyang.isWorkingDay('2026-03-18'), false);
  t.equal(xiangtan.isWorkingDay('2026-03-18'), true);
  const start = at('2026-03-12T10:00:00+08:00');
  t.equal(shanghai(puyang.addDuration(start, 5, 'workingDays')), '2026-03-20T18:00:00.000+08:00');
  t.equal(shanghai(xiangtan.addDuration(start, 5, 'workingDays')), '2026-03-19T18:00:00.000+08:00');
  t.same(puyang.describeDay('2026-03-18'), { date: '2026-03-18', working: false, kind: 'holiday', decidedBy: 'regionDay' });
  t.equal((await service.status('puyang')).years.at(-1)?.dayOverrides, 1);
});

t.test('a make-up working day and a day forced back to normal', async (t) => {
  const { overrides, service } = setup();
  await overrides.setDay('puyang', { date: '2026-03-21', kind: 'workday' }); // a Saturday
  await overrides.setDay('puyang', { date: '2026-10-10', kind: 'normal' }); // cancels the national make-up Saturday
  await overrides.setDay('puyang', { date: '2026-10-07', kind: 'normal' }); // a national holiday on a Wednesday
  const puyang = await service.forRegion('puyang');
  t.equal(puyang.isWorkingDay('2026-03-21'), true);
  t.equal(puyang.isWorkingDay('2026-10-10'), false);
  t.equal(puyang.isWorkingDay('2026-10-07'), true);
  // Wed 7, Thu 8, Fri 9 (Saturday 10 is off again).
  t.equal(shanghai(puyang.addDuration(at('2026-09-30T10:00:00+08:00'), 3, 'workingDays')), '2026-10-09T18:00:00.000+08:00');

  t.equal(await overrides.clearDay('puyang', '2026-10-10'), true);
  t.equal(await overrides.clearDay('puyang', '2026-10-10'), false);
  t.equal((await service.forRegion('puyang')).isWorkingDay('2026-10-10'), true);
});

t.test('a calendar keeps the snapshot it was built from', async (t) => {
  const { overrides, service } = setup();
  const before = await service.forRegion('puyang');
  await overrides.setDay('puyang', { date: '2026-03-18', kind: 'holiday' });
  t.equal(before.isWorkingDay('2026-03-18'), true);
  t.equal((await service.forRegion('puyang')).isWorkingDay('2026-03-18'), false);
});

t.test('loading a whole year makes it covered, for that region only', async (t) => {
  const { overrides, service } = setup();
  const before = await service.forRegion('puyang');
  t.throws(() => before.isWorkingDay('2027-10-04'), CalendarYearNotCoveredError);

  const loaded = await overrides.loadYear('puyang', {
    year: 2027,
    holidays: ['2027-01-01', '2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
    workdays: ['2027-10-09'],
  });
  t.equal(loaded.source, 'override');
  const puyang = await service.forRegion('puyang');
  t.equal(puyang.isWorkingDay('2027-10-04'), false);
  t.equal(puyang.isWorkingDay('2027-10-08'), true);
  t.equal(puyang.isWorkingDay('2027-10-09'), true, 'make-up Saturday');
  t.equal(puyang.describeDay('2027-10-09').decidedBy, 'override');
  t.ok(puyang.coveredYears().includes(2027));
  // Monday 28 December 2026 → Tue 29, Wed 30, Thu 31, (Fri 1 January off), Mon 4 January 2027.
  t.equal(shanghai(puyang.addDuration(at('2026-12-28T10:00:00+08:00'), 4, 'workingDays')), '2027-01-04T18:00:00.000+08:00');

  const status = await service.status('puyang');
  t.same(status.years.at(-1), { year: 2027, source: 'override', holidays: 6, workdays: 1, dayOverrides: 0 });
  t.equal(status.missingNextYear, false);

  const xiangtan = await service.forRegion('xiangtan');
  t.throws(() => xiangtan.isWorkingDay('2027-10-04'), { name: 'CalendarYearNotCoveredError', year: 2027, region: 'xiangtan' });
  t.equal((await service.status('xiangtan')).missingNextYear, true);

  t.equal(await overrides.deleteYear('puyang', 2027), true);
  t.equal(await overrides.deleteYear('puyang', 2027), false);
  const after = await service.forRegion('puyang');
  t.throws(() => after.isWorkingDay('2027-10-04'), CalendarYearNotCoveredError);
});

t.test('precedence: region day > loaded year > chinese-days', async (t) => {
  const { overrides, service } = setup();
  // A region replacing 2026 entirely: National Day reduced to 1–3 October, no make-up days.
  await overrides.loadYear('puyang', { year: 2026, holidays: ['2026-10-01', '2026-10-02'], workdays: [] });
  let puyang = await service.forRegion('puyang');
  t.equal(puyang.isWorkingDay('2026-10-05'), true, 'the loaded year replaces chinese-days, not merged with it');
  t.equal(puyang.isWorkingDay('2026-10-10'), false, 'no make-up Saturday in the loaded year');
  t.equal(puyang.isWorkingDay('2026-10-02'), false);
  t.same(puyang.describeDay('2026-10-05'), { date: '2026-10-05', working: true, kind: 'weekday', decidedBy: 'override' });

  await overrides.setDay('puyang', { date: '2026-10-02', kind: 'normal' });
  await overrides.setDay('puyang', { date: '2026-10-05', kind: 'holiday' });
  puyang = await service.forRegion('puyang');
  t.equal(puyang.isWorkingDay('2026-10-02'), true);
  t.equal(puyang.isWorkingDay('2026-10-05'), false);
  const status = await service.status('puyang');
  t.same(status.years.find((y) => y.year === 2026), { year: 2026, source: 'override', holidays: 2, workdays: 0, dayOverrides: 2 });
});

t.test('a day override in a year without a schedule does not make the year covered', async (t) => {
  const { overrides, service } = setup();
  await overrides.setDay('puyang', { date: '2031-10-01', kind: 'holiday' });
  const puyang = await service.forRegion('puyang');
  t.throws(() => puyang.isWorkingDay('2031-10-01'), { name: 'CalendarYearNotCoveredError', year: 2031 });
});

t.test('a region in another time zone with another end of day', async (t) => {
  const { overrides, service } = setup();
  const settings = await overrides.updateSettings('kashgar', { timeZone: 'Asia/Urumqi', endOfDay: '17:30' });
  t.same(settings, { timeZone: 'Asia/Urumqi', endOfDay: '17:30' });
  const kashgar = await service.forRegion('kashgar');
  const due = kashgar.addDuration(at('2026-09-30T10:00:00+06:00'), 3, 'workingDays');
  t.equal(formatWithOffset(due, kashgar.timeZone), '2026-10-10T17:30:00.000+06:00');
  t.equal(due.toISOString(), '2026-10-10T11:30:00.000Z');
  t.equal((await service.status('kashgar')).timeZone, 'Asia/Urumqi');

  // With daylight saving time: Berlin leaves CEST on Sunday 25 October 2026.
  await overrides.updateSettings('berlin', { timeZone: 'Europe/Berlin' });
  const berlin = await service.forRegion('berlin');
  t.equal(berlin.settings.endOfDay, '18:00', 'the patch keeps the other settings');
  t.equal(formatWithOffset(berlin.addDuration(at('2026-10-23T10:00:00+02:00'), 3, 'naturalDays'), 'Europe/Berlin'), '2026-10-26T18:00:00.000+01:00');
  t.equal(formatWithOffset(berlin.addDuration(at('2026-10-24T12:00:00+02:00'), 24, 'hours'), 'Europe/Berlin'), '2026-10-25T11:00:00.000+01:00');
  // 01:00 Monday in Shanghai is still Sunday evening in Berlin, so Monday is the first working day.
  t.equal(formatWithOffset(berlin.addDuration(at('2026-03-16T01:00:00+08:00'), 1, 'workingDays'), 'Europe/Berlin'), '2026-03-16T18:00:00.000+01:00');
});

t.test('end of day at 24:00 is midnight at the end of the last day', async (t) => {
  const { overrides, service } = setup();
  await overrides.updateSettings('huojia', { endOfDay: '24:00' });
  const huojia = await service.forRegion('huojia');
  t.equal(shanghai(huojia.addDuration(at('2026-09-30T10:00:00+08:00'), 3, 'workingDays')), '2026-10-11T00:00:00.000+08:00');
});

t.test('status follows the injected clock, in the region time zone', async (t) => {
  // 20:00 UTC on 31 December is already 1 January 2027 in Shanghai.
  const { service, clock } = setup('2026-12-31T20:00:00Z');
  let status = await service.status('puyang');
  t.equal(status.currentYear, 2027);
  t.equal(status.missingCurrentYear, true);
  t.equal(status.missingNextYear, true);
  clock.set(at('2027-06-01T00:00:00Z'));
  status = await service.status('puyang');
  t.equal(status.currentYear, 2027);
});

t.test('bad administrator input is refused with data-carrying errors', async (t) => {
  const { overrides } = setup();
  await t.rejects(overrides.loadYear('puyang', { year: 2027, holidays: ['2028-01-01'], workdays: [] }), InvalidYearScheduleError);
  await t.rejects(overrides.loadYear('puyang', { year: 2027, holidays: ['2027-02-30'], workdays: [] }), InvalidYearScheduleError);
  await t.rejects(overrides.loadYear('puyang', { year: 2027, holidays: [], workdays: ['2027-03-03'] }), {
    name: 'InvalidYearScheduleError',
    message: /not a Saturday or Sunday/,
  });
  await t.rejects(overrides.loadYear('puyang', { year: 2027, holidays: ['2027-10-09'], workdays: ['2027-10-09'] }), {
    message: /both/,
  });
  await t.rejects(overrides.updateSettings('puyang', { timeZone: 'Mars/Olympus' }), InvalidRegionSettingsError);
  await t.rejects(overrides.updateSettings('puyang', { endOfDay: '25:00' }), { name: 'InvalidRegionSettingsError', field: 'endOfDay' });
  await t.rejects(overrides.updateSettings('puyang', { endOfDay: '6pm' }), InvalidRegionSettingsError);
  await t.rejects(overrides.setDay('puyang', { date: '2026-13-01', kind: 'holiday' }), { name: 'InvalidCalendarDateError' });
  t.same((await overrides.snapshot('puyang')).settings, { timeZone: 'Asia/Shanghai', endOfDay: '18:00' }, 'nothing changed');
});

t.test('a service without chinese-days relies on loaded years only', async (t) => {
  const overrides = new InMemoryCalendarOverrides();
  const service = new CalendarService({ overrides, clock: new TestClock(at('2026-11-01T00:00:00Z')), source: emptyHolidaySource() });
  const calendar = await service.forRegion('puyang');
  t.same(calendar.coveredYears(), []);
  t.throws(() => calendar.isWorkingDay('2026-03-16'), { name: 'CalendarYearNotCoveredError', year: 2026 });
});
