import t from 'tap';
import {
  addDays,
  formatWithOffset,
  InvalidCalendarDateError,
  localDateOf,
  parseLocalDate,
  resolveRegionSettings,
  weekdayOf,
  zonedTimeToInstant,
} from '../../src/calendar/index.js';

t.test('civil dates', async (t) => {
  t.equal(parseLocalDate('2024-02-29'), '2024-02-29');
  for (const bad of ['2026-02-29', '2026-2-1', '2026-02-01T00:00', 20260201, '']) {
    t.throws(() => parseLocalDate(bad), InvalidCalendarDateError, String(bad));
  }
  t.equal(addDays('2026-12-31', 1), '2027-01-01');
  t.equal(addDays('2026-03-01', -1), '2026-02-28');
  t.equal(weekdayOf('2026-10-10'), 6);
  t.equal(weekdayOf('2026-09-20'), 0);
});

t.test('the local date of an instant depends on the zone', async (t) => {
  const instant = new Date('2026-03-15T17:00:00Z');
  t.equal(localDateOf(instant, 'Asia/Shanghai'), '2026-03-16');
  t.equal(localDateOf(instant, 'UTC'), '2026-03-15');
  t.equal(localDateOf(instant, 'America/Los_Angeles'), '2026-03-15');
});

t.test('wall time to instant', async (t) => {
  t.equal(zonedTimeToInstant('2026-10-10', 18 * 60, 'Asia/Shanghai').toISOString(), '2026-10-10T10:00:00.000Z');
  t.equal(zonedTimeToInstant('2026-10-10', 24 * 60, 'Asia/Shanghai').toISOString(), '2026-10-10T16:00:00.000Z');
  t.equal(zonedTimeToInstant('2026-07-01', 18 * 60, 'America/New_York').toISOString(), '2026-07-01T22:00:00.000Z');
  t.equal(zonedTimeToInstant('2026-12-01', 18 * 60, 'America/New_York').toISOString(), '2026-12-01T23:00:00.000Z');
  // 02:30 does not exist on 8 March 2026 in New York: it resolves to 03:30 EDT.
  t.equal(zonedTimeToInstant('2026-03-08', 150, 'America/New_York').toISOString(), '2026-03-08T07:30:00.000Z');
  // 01:30 happens twice on 1 November 2026: the first one (EDT) is taken.
  t.equal(zonedTimeToInstant('2026-11-01', 90, 'America/New_York').toISOString(), '2026-11-01T05:30:00.000Z');
  t.equal(zonedTimeToInstant('2026-10-10', 17 * 60 + 30, 'Asia/Kolkata').toISOString(), '2026-10-10T12:00:00.000Z');
});

t.test('ISO strings carry the zone offset', async (t) => {
  const instant = new Date('2026-10-10T10:00:00Z');
  t.equal(formatWithOffset(instant, 'Asia/Shanghai'), '2026-10-10T18:00:00.000+08:00');
  t.equal(formatWithOffset(instant, 'UTC'), '2026-10-10T10:00:00.000+00:00');
  t.equal(formatWithOffset(instant, 'America/New_York'), '2026-10-10T06:00:00.000-04:00');
  t.equal(formatWithOffset(instant, 'Asia/Kolkata'), '2026-10-10T15:30:00.000+05:30');
  t.equal(formatWithOffset(new Date('2026-10-10T10:00:00.123Z'), 'Asia/Shanghai'), '2026-10-10T18:00:00.123+08:00');
  for (const zone of ['Asia/Shanghai', 'America/New_York', 'Asia/Kolkata']) {
    t.equal(new Date(formatWithOffset(instant, zone)).getTime(), instant.getTime(), `${zone} parses back`);
  }
});

t.test('region settings are validated', async (t) => {
  t.same(resolveRegionSettings(), { timeZone: 'Asia/Shanghai', endOfDay: '18:00' });
  t.same(resolveRegionSettings({ endOfDay: '17:30' }), { timeZone: 'Asia/Shanghai', endOfDay: '17:30' });
  t.throws(() => resolveRegionSettings({ timeZone: 'Nowhere/Land' }), { name: 'InvalidRegionSettingsError', field: 'timeZone' });
  t.throws(() => resolveRegionSettings({ timeZone: '' }), { name: 'InvalidRegionSettingsError' });
  for (const bad of ['24:30', '18', '18:60', '8:00']) {
    t.throws(() => resolveRegionSettings({ endOfDay: bad }), { name: 'InvalidRegionSettingsError', field: 'endOfDay' }, bad);
  }
});
