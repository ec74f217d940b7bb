import t from 'tap';
import Fastify from 'fastify';
import { TestClock } from '../../src/clock/index.js';
import { CalendarService, InMemoryCalendarOverrides } from '../../src/calendar/index.js';
import { AuthorizationError } from '../../src/rest/camunda/index.js';
import { calendarRoutes } from '../../src/rest/calendar/index.js';
import { startTestApp } from '../support/harness.js';

/* /api/calendar over HTTP, on the real store (embedded PGlite, or PostgreSQL with DATABASE_URL). */

const ctx = await startTestApp(); // clock: Monday 2026-11-23 09:00 +08:00
t.teardown(() => ctx.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await ctx.app.inject({ method: method as 'GET', url: `/api/calendar${path}`, ...(body !== undefined && { payload: body as object }) });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, type: res.headers['content-type'] };
}

t.test('status lists the covered years per region, and flags a missing next year', async (t) => {
  const res = await call('GET', '/status');
  t.equal(res.status, 200);
  t.equal(res.type, 'application/json');
  const def = res.body.regions.find((r: { region: string }) => r.region === 'default');
  t.match(def, { region: 'default', timeZone: 'Asia/Shanghai', endOfDay: '18:00', currentYear: 2026, missingCurrentYear: false, missingNextYear: true });
  t.same(def.years.map((y: { year: number }) => y.year), Array.from({ length: 23 }, (_, i) => 2004 + i), 'chinese-days: 2004–2026');
  t.same(def.years.at(-1), { year: 2026, source: 'chinese-days', holidays: 33, workdays: 6, dayOverrides: 0 });

  t.equal((await call('POST', '/regions/puyang/years', { year: 2027, holidays: ['2027-01-01'], workdays: [] })).status, 201);
  const after = await call('GET', '/status');
  t.same(after.body.regions.map((r: { region: string }) => r.region), ['default', 'puyang'], 'edited regions appear');
  const puyang = after.body.regions[1];
  t.same(puyang.years.at(-1), { year: 2027, source: 'override', holidays: 1, workdays: 0, dayOverrides: 0 });
  t.equal(puyang.missingNextYear, false);

  const one = await call('GET', '/status?region=kaifeng');
  t.same(one.body.regions.map((r: { region: string }) => r.region), ['kaifeng'], 'any region can be asked about');
  const bad = await call('GET', '/status?region=no%20spaces');
  t.equal(bad.status, 400);
  t.match(bad.body, { type: 'InvalidRequestException', message: /query parameter 'region'/ });
});

t.test('single-day overrides: put, read, list, delete', async (t) => {
  const fresh = await call('GET', '/regions/huojia/days/2026-10-09');
  t.same(fresh.body, { region: 'huojia', date: '2026-10-09', override: null, effective: { working: true, kind: 'weekday', decidedBy: 'chinese-days' } });

  const put = await call('PUT', '/regions/huojia/days/2026-10-09', { kind: 'holiday', note: '县庆' });
  t.equal(put.status, 200);
  t.same(put.body, { region: 'huojia', date: '2026-10-09', override: { kind: 'holiday', note: '县庆' }, effective: { working: false, kind: 'holiday', decidedBy: 'regionDay' } });
  t.equal((await call('PUT', '/regions/huojia/days/2026-03-21', { kind: 'workday' })).body.effective.kind, 'makeUpWorkday');
  t.equal((await call('PUT', '/regions/huojia/days/2028-05-02', { kind: 'holiday' })).body.effective, null, 'a year without schedule: the override is kept, the day has no answer');

  t.same((await call('GET', '/regions/huojia/days?year=2026')).body, {
    region: 'huojia',
    days: [{ date: '2026-03-21', kind: 'workday' }, { date: '2026-10-09', kind: 'holiday', note: '县庆' }],
  });
  t.equal((await call('DELETE', '/regions/huojia/days/2026-03-21')).status, 204);
  const gone = await call('DELETE', '/regions/huojia/days/2026-03-21');
  t.equal(gone.status, 404);
  t.match(gone.body.message, /no override for 2026-03-21/);
  t.equal((await call('GET', '/regions/huojia/days')).body.days.length, 2);
});

t.test('a bad day override is a 400 naming the field, and nothing changes', async (t) => {
  const kind = await call('PUT', '/regions/huojia/days/2026-10-12', { kind: 'vacation' });
  t.equal(kind.status, 400);
  t.match(kind.body.message, /request body field 'kind': must be one of "holiday", "workday", "normal"/);
  const missing = await call('PUT', '/regions/huojia/days/2026-10-12', {});
  t.match(missing.body.message, /'kind': is required/);
  const date = await call('PUT', '/regions/huojia/days/2026-10-1', { kind: 'holiday' });
  t.match(date, { status: 400, body: { message: /path parameter 'date'/ } });
  const noSuchDay = await call('PUT', '/regions/huojia/days/2026-02-30', { kind: 'holiday' });
  t.match(noSuchDay, { status: 400, body: { message: /"2026-02-30": no such day/ } });
  const note = await call('PUT', '/regions/huojia/days/2026-10-12', { kind: 'holiday', note: 'x'.repeat(201) });
  t.match(note, { status: 400, body: { message: /'note'/ } });
  t.equal((await call('GET', '/regions/huojia/days/2026-10-12')).body.override, null);
});

t.test('whole years: load, read, replace, remove', async (t) => {
  t.equal((await call('GET', '/regions/xiangtan/years/2027')).status, 404);
  const national = await call('GET', '/regions/xiangtan/years/2026');
  t.match(national.body, { year: 2026, source: 'chinese-days' });
  t.ok(national.body.workdays.includes('2026-10-10'));

  const body = { year: 2027, holidays: ['2027-01-01', '2027-02-05', '2027-02-08'], workdays: ['2027-02-07'] };
  const loaded = await call('POST', '/regions/xiangtan/years', body);
  t.equal(loaded.status, 201);
  t.same(loaded.body, { region: 'xiangtan', ...body, source: 'override' });
  t.same((await call('GET', '/regions/xiangtan/years/2027')).body, loaded.body);

  const weekday = await call('POST', '/regions/xiangtan/years', { year: 2027, holidays: [], workdays: ['2027-01-06'] });
  t.match(weekday, { status: 400, body: { message: /2027-01-06 is not a Saturday or Sunday/ } });
  const otherYear = await call('POST', '/regions/xiangtan/years', { year: 2027, holidays: ['2026-12-31'], workdays: [] });
  t.match(otherYear, { status: 400, body: { message: /2026-12-31 is not in 2027/ } });
  t.match(await call('POST', '/regions/xiangtan/years', { year: 2027, workdays: [] }), { status: 400, body: { message: /'holidays': is required/ } });
  t.match(await call('POST', '/regions/xiangtan/years', { year: '2027', holidays: [], workdays: [] }), { status: 400, body: { message: /'year'/ } });
  t.equal((await call('GET', '/regions/xiangtan/years/2027')).body.holidays.length, 3, 'refused loads change nothing');

  const replaced = await call('POST', '/regions/xiangtan/years', { year: 2026, holidays: ['2026-10-01'], workdays: [] });
  t.equal(replaced.status, 201);
  t.equal((await call('GET', '/regions/xiangtan/days/2026-10-10')).body.effective.working, false, 'a loaded year replaces chinese-days');
  t.equal((await call('DELETE', '/regions/xiangtan/years/2026')).status, 204);
  t.equal((await call('GET', '/regions/xiangtan/days/2026-10-10')).body.effective.working, true, 'and deleting it brings chinese-days back');
  t.equal((await call('DELETE', '/regions/xiangtan/years/2026')).status, 404);
});

t.test('settings: defaults, put, patch, validation', async (t) => {
  t.same((await call('GET', '/regions/kaifeng/settings')).body, { region: 'kaifeng', timeZone: 'Asia/Shanghai', endOfDay: '18:00' });
  t.same((await call('PATCH', '/regions/kaifeng/settings', { endOfDay: '17:30' })).body, { region: 'kaifeng', timeZone: 'Asia/Shanghai', endOfDay: '17:30' });
  t.match(await call('PUT', '/regions/kaifeng/settings', { timeZone: 'Asia/Shanghai' }), { status: 400, body: { message: /'endOfDay': is required/ } });
  t.match(await call('PATCH', '/regions/kaifeng/settings', { endOfDay: '5pm' }), { status: 400, body: { message: /'endOfDay'/ } });
  t.match(await call('PATCH', '/regions/kaifeng/settings', { timeZone: 'Mars/Olympus' }), { status: 400, body: { message: /timeZone="Mars\/Olympus"/ } });
  t.same((await call('PUT', '/regions/kaifeng/settings', { timeZone: 'Asia/Urumqi', endOfDay: '24:00' })).body, { region: 'kaifeng', timeZone: 'Asia/Urumqi', endOfDay: '24:00' });
  t.same((await call('GET', '/regions/kaifeng/settings')).body, { region: 'kaifeng', timeZone: 'Asia/Urumqi', endOfDay: '24:00' });
});

t.test('deadline previews compute what a diagram would get', async (t) => {
  const q = (s: string) => call('GET', `/regions/pingdingshan/deadline?${s}`);
  const wd = await q('amount=3&unit=workingDays&start=2026-09-30T10:00:00%2B08:00');
  t.equal(wd.status, 200);
  t.same(wd.body, {
    region: 'pingdingshan', timeZone: 'Asia/Shanghai', endOfDay: '18:00', start: '2026-09-30T10:00:00.000+08:00',
    amount: 3, unit: 'workingDays', spec: '3wd', due: '2026-10-10T18:00:00.000+08:00',
  });
  t.equal((await q('amount=1.5&unit=hours&start=2026-09-30T02:00:00Z')).body.due, '2026-09-30T11:30:00.000+08:00');
  t.equal((await q('amount=3&unit=naturalDays&start=2026-09-30')).body.due, '2026-10-03T18:00:00.000+08:00', "a bare date is the region's midnight");
  t.equal((await q('amount=1&unit=workingDays')).body.start, '2026-11-23T09:00:00.000+08:00', 'no start: the clock');

  t.match(await q('unit=workingDays'), { status: 400, body: { message: /query parameter 'amount': is required/ } });
  t.match(await q('amount=3&unit=weeks'), { status: 400, body: { message: /query parameter 'unit': must be one of "hours", "naturalDays", "workingDays"/ } });
  t.match(await q('amount=1.5&unit=workingDays'), { status: 400, body: { message: /query parameter 'amount': days must be a whole number/ } });
  t.match(await q('amount=3&unit=hours&start=2026-09-30T10:00:00'), { status: 400, body: { message: /query parameter 'start': expected an ISO 8601 instant with an offset/ } });
  t.match(await q('amount=2&unit=workingDays&start=2026-12-30T10:00:00%2B08:00'), { status: 422, body: { type: 'CalendarYearNotCoveredException', message: /2027 in region pingdingshan/ } });
});

t.test('the routes are documented in /openapi.json under the calendar tag', async (t) => {
  const doc = JSON.parse((await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).body);
  t.ok(doc.tags.some((tag: { name: string }) => tag.name === 'calendar'));
  for (const [path, method] of [
    ['/api/calendar/status', 'get'],
    ['/api/calendar/regions/{region}/days/{date}', 'put'],
    ['/api/calendar/regions/{region}/years', 'post'],
    ['/api/calendar/regions/{region}/settings', 'put'],
    ['/api/calendar/regions/{region}/deadline', 'get'],
  ] as const) {
    t.same(doc.paths[path]?.[method]?.tags, ['calendar'], `${method.toUpperCase()} ${path}`);
  }
});

t.test('the authentication seam: an authorizer sees the action and region and can refuse', async (t) => {
  const app = Fastify();
  const seen: unknown[] = [];
  const calendars = new CalendarService({ overrides: new InMemoryCalendarOverrides(), clock: new TestClock(new Date('2026-11-23T09:00:00+08:00')) });
  await app.register(calendarRoutes, {
    prefix: '/api/calendar',
    calendars,
    authorize: (_request, access) => {
      seen.push(access);
      if (access.action === 'write') throw new AuthorizationError('only the region administrators may change its calendar');
    },
  });
  t.teardown(() => app.close());
  t.equal((await app.inject({ method: 'GET', url: '/api/calendar/regions/puyang/settings' })).statusCode, 200);
  const refused = await app.inject({ method: 'PUT', url: '/api/calendar/regions/puyang/days/2026-10-09', payload: { kind: 'holiday' } });
  t.equal(refused.statusCode, 403);
  t.equal((await calendars.forRegion('puyang')).isWorkingDay('2026-10-09'), true, 'nothing written');
  t.same(seen, [{ action: 'read', region: 'puyang' }, { action: 'write', region: 'puyang' }]);
});
