import t from 'tap';
import { TestClock } from '../../src/clock/index.js';
import {
  CalendarCache,
  CalendarNotLoadedError,
  CalendarService,
  InMemoryCalendarOverrides,
  createRegionCalendarFunctions,
  regionOfTenant,
  type SqlRunner,
} from '../../src/calendar/index.js';
import { createExpressions } from '../../src/engine/index.js';

function setup() {
  const overrides = new InMemoryCalendarOverrides();
  const clock = new TestClock(new Date('2026-09-30T10:00:00+08:00'));
  const service = new CalendarService({ overrides, clock });
  return { overrides, clock, service, cache: new CalendarCache(service) };
}

t.test('a region edited behind the cache (another process) is reloaded on the next load', async (t) => {
  const { overrides, cache } = setup();
  const first = await cache.load('puyang');
  t.equal(await cache.load('puyang'), first, 'unchanged revision: the same calendar, no snapshot read');
  await overrides.setDay('puyang', { date: '2026-10-09', kind: 'holiday' }); // not through the cache
  const second = await cache.load('puyang');
  t.not(second, first);
  t.equal(second.isWorkingDay('2026-10-09'), false);
  t.equal(first.isWorkingDay('2026-10-09'), true, 'a calendar already handed out keeps its snapshot');
  t.equal(cache.get('puyang'), second);
});

t.test('the cache reads through the connection it is given, and then only asks for the revision', async (t) => {
  const { overrides } = setup();
  const seen: Array<[string, unknown]> = [];
  const spy = {
    ...overrides,
    revision: (region: string, db?: SqlRunner) => (seen.push(['revision', db]), overrides.revision(region)),
    snapshot: (region: string, db?: SqlRunner) => (seen.push(['snapshot', db]), overrides.snapshot(region)),
    regions: () => overrides.regions(),
  } as unknown as InMemoryCalendarOverrides;
  const cache = new CalendarCache(new CalendarService({ overrides: spy, clock: new TestClock(new Date()) }));
  const tx = { query: async () => [] };
  const first = await cache.load('puyang', tx);
  t.same(seen, [['snapshot', tx]], 'a snapshot read, through the transaction');
  t.equal(await cache.load('puyang', tx), first);
  t.same(seen, [['snapshot', tx], ['revision', tx]], 'a later load only asks for the revision');
});

t.test('get before load is a wiring error, not a silent default', async (t) => {
  const { cache } = setup();
  t.throws(() => cache.get('xiangtan'), CalendarNotLoadedError);
  await cache.load('xiangtan');
  t.ok(cache.get('xiangtan'));
  cache.invalidate('xiangtan');
  t.throws(() => cache.get('xiangtan'), CalendarNotLoadedError);
});

t.test('expression functions pick the calendar of the tenant in the engine settings', async (t) => {
  const { overrides, clock, cache } = setup();
  await overrides.setDay('puyang', { date: '2026-10-09', kind: 'holiday', note: '县庆' });
  await cache.load('puyang');
  await cache.load('default');
  const expressions = createExpressions({ functions: createRegionCalendarFunctions(cache, clock) });
  const run = (template: string, tenantId: string | null, variables: Record<string, unknown> = {}) =>
    expressions.resolveExpression(template, { environment: { variables, settings: { tenantId } } });

  t.equal(run("${deadline('3wd')}", 'puyang'), '2026-10-12T18:00:00.000+08:00', '8, (9 off in 濮阳), 10, 12 Oct');
  t.equal(run("${deadline('3wd')}", null), '2026-10-10T18:00:00.000+08:00', 'no tenant: the default region');
  t.equal(run('${addWorkingDays(3)}', 'puyang'), '2026-10-12T18:00:00.000+08:00');
  t.equal(run('${addNaturalDays(3)}', 'puyang'), '2026-10-03T18:00:00.000+08:00');
  t.equal(run('${addHours(24)}', 'puyang'), '2026-10-01T10:00:00.000+08:00');
  t.equal(run('${environment.services.deadline(spec, receivedAt)}', 'puyang', { spec: '1wd', receivedAt: '2026-10-08T09:00:00+08:00' }), '2026-10-10T18:00:00.000+08:00');
  t.throws(() => run("${deadline('3wd')}", 'huojia'), /huojia was not loaded/, 'a region nobody loaded fails loudly');
  t.equal(regionOfTenant(''), 'default');
  t.equal(regionOfTenant('puyang'), 'puyang');
});
