import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import t from 'tap';
import { DataSource } from 'typeorm';
import { TestClock } from '../../src/clock/index.js';
import { openDatabase, type Database } from '../../src/db/index.js';
import {
  CalendarService,
  CalendarYearNotCoveredError,
  InMemoryCalendarOverrides,
  InvalidCalendarDateError,
  InvalidRegionSettingsError,
  InvalidYearScheduleError,
  PgCalendarOverrides,
  formatWithOffset,
  type CalendarOverrides,
  type RegionOverridesSnapshot,
} from '../../src/calendar/index.js';

/*
 * The database store against the real database: PostgreSQL in a schema of its own when
 * DATABASE_URL is set, otherwise the embedded PGlite in a temporary folder, so that "reopen"
 * really means a new process's view of the files.
 */

const url = process.env.DATABASE_URL;
const clock = new TestClock(new Date('2026-09-01T09:00:00+08:00'));
const schema = url ? `t_${randomBytes(6).toString('hex')}` : undefined;
const dataDir = url ? undefined : await mkdtemp(join(tmpdir(), 'suqiu-calendar-'));
const open = (): Promise<Database> => openDatabase({ url, dataDir, schema });

t.teardown(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  if (url && schema) {
    const ds = new DataSource({ type: 'postgres', url });
    await ds.initialize();
    await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await ds.destroy();
  }
});

const year2027 = { year: 2027, holidays: ['2027-01-01', '2027-02-05', '2027-02-08'], workdays: ['2027-02-07'] };

/** The same edits on any store; what each returns is collected for comparison. */
async function edit(store: CalendarOverrides): Promise<unknown[]> {
  return [
    await store.setDay('puyang', { date: '2026-10-09', kind: 'holiday', note: '县庆' }),
    await store.setDay('puyang', { date: '2026-10-10', kind: 'normal' }),
    await store.setDay('puyang', { date: '2026-03-21', kind: 'workday' }),
    await store.setDay('puyang', { date: '2026-03-21', kind: 'holiday' }), // replaces
    await store.clearDay('puyang', '2026-03-21'),
    await store.clearDay('puyang', '2026-03-21'),
    await store.clearDay('nowhere', '2026-03-21'),
    await store.loadYear('puyang', { year: 2027, holidays: ['2027-01-01'], workdays: [] }),
    await store.loadYear('puyang', year2027), // replaces the earlier 2027
    await store.loadYear('puyang', { year: 2028, holidays: [], workdays: [] }),
    await store.deleteYear('puyang', 2028),
    await store.deleteYear('puyang', 2028),
    await store.updateSettings('xiangtan', { endOfDay: '17:30' }),
    await store.updateSettings('xiangtan', { timeZone: 'Asia/Urumqi' }),
  ];
}

function plain(s: RegionOverridesSnapshot) {
  return {
    region: s.region,
    settings: s.settings,
    days: [...s.days.values()],
    years: [...s.years.values()].map((y) => ({ year: y.year, holidays: [...y.holidays].sort(), workdays: [...y.workdays].sort(), source: y.source })),
  };
}

t.test('edits survive reopening the database, and match the in-memory reference store', async (t) => {
  const memory = new InMemoryCalendarOverrides();
  const expectedResults = await edit(memory);

  let db = await open();
  const results = await edit(new PgCalendarOverrides({ dataSource: db.dataSource, clock }));
  t.same(results.map((r) => (r instanceof Object && 'holidays' in r ? 'schedule' : r)), expectedResults.map((r) => (r instanceof Object && 'holidays' in r ? 'schedule' : r)));
  await db.close();

  db = await open();
  t.teardown(() => db.close());
  const store = new PgCalendarOverrides({ dataSource: db.dataSource, clock });
  for (const region of ['puyang', 'xiangtan', 'default']) {
    t.same(plain(await store.snapshot(region)), plain(await memory.snapshot(region)), `${region} reads back as the reference store has it`);
  }
  t.same(plain(await store.snapshot('puyang')).days, [
    { date: '2026-10-09', kind: 'holiday', note: '县庆' },
    { date: '2026-10-10', kind: 'normal' },
  ]);
  t.same(await store.regions(), await memory.regions());
  t.same(await store.regions(), ['puyang', 'xiangtan'], 'a removal that removed nothing creates no region');
  for (const region of ['puyang', 'xiangtan', 'nowhere']) t.equal(await store.revision(region), await memory.revision(region), `${region}: same revision`);
  t.same(await store.snapshot('xiangtan').then((s) => s.settings), { timeZone: 'Asia/Urumqi', endOfDay: '17:30' });

  // The reopened store drives a calendar: the county holiday and the loaded 2027 both count.
  const calendars = new CalendarService({ overrides: store, clock });
  const puyang = await calendars.forRegion('puyang');
  const from = new Date('2026-09-30T10:00:00+08:00');
  // 8 Oct, (9 Oct county holiday), (10 Oct back to a plain Saturday), 12 Oct, 13 Oct.
  t.equal(formatWithOffset(puyang.deadline(from, '3wd'), 'Asia/Shanghai'), '2026-10-13T18:00:00.000+08:00');
  t.equal(formatWithOffset(puyang.deadline(new Date('2026-12-30T10:00:00+08:00'), '2wd'), 'Asia/Shanghai'), '2027-01-04T18:00:00.000+08:00');
  t.equal(puyang.isWorkingDay('2027-02-07'), true, 'the loaded make-up Sunday');
  t.throws(() => puyang.isWorkingDay('2028-03-01'), CalendarYearNotCoveredError, 'the deleted 2028 is not covered');
  t.same((await calendars.status('puyang')).years.filter((y) => y.year >= 2026), [
    { year: 2026, source: 'chinese-days', holidays: 33, workdays: 6, dayOverrides: 2 },
    { year: 2027, source: 'override', holidays: 3, workdays: 1, dayOverrides: 0 },
  ]);
});

t.test('every edit bumps the region revision, in every process that reads it', async (t) => {
  const db = await open();
  t.teardown(() => db.close());
  const a = new PgCalendarOverrides({ dataSource: db.dataSource, clock });
  const b = new PgCalendarOverrides({ dataSource: db.dataSource, clock });
  t.equal(await a.revision('huojia'), 0);
  t.equal((await a.snapshot('huojia')).revision, 0);
  await a.setDay('huojia', { date: '2026-11-02', kind: 'holiday' });
  t.equal(await b.revision('huojia'), 1);
  await a.updateSettings('huojia', { endOfDay: '24:00' });
  await a.loadYear('huojia', year2027);
  t.equal(await b.revision('huojia'), 3);
  t.equal((await b.snapshot('huojia')).revision, 3, 'a snapshot carries the revision it was read at');
});

t.test('bad input is refused with the same errors as the in-memory store, and nothing is written', async (t) => {
  const db = await open();
  t.teardown(() => db.close());
  const store = new PgCalendarOverrides({ dataSource: db.dataSource, clock });
  const before = await store.revision('kaifeng');
  await t.rejects(store.setDay('kaifeng', { date: '2026-02-30', kind: 'holiday' }), InvalidCalendarDateError);
  await t.rejects(store.setDay('kaifeng', { date: '2026-02-03', kind: 'vacation' as 'holiday' }), InvalidCalendarDateError);
  await t.rejects(store.loadYear('kaifeng', { year: 2027, holidays: ['2026-12-31'], workdays: [] }), InvalidYearScheduleError);
  await t.rejects(store.loadYear('kaifeng', { year: 2027, holidays: [], workdays: ['2027-01-06'] }), InvalidYearScheduleError, 'a make-up day on a Wednesday');
  await t.rejects(store.updateSettings('kaifeng', { timeZone: 'Mars/Olympus' }), InvalidRegionSettingsError);
  await t.rejects(store.updateSettings('kaifeng', { endOfDay: '25:00' }), InvalidRegionSettingsError);
  t.equal(await store.revision('kaifeng'), before);
  t.same(plain(await store.snapshot('kaifeng')), plain(await new InMemoryCalendarOverrides().snapshot('kaifeng')));
});
