import t from 'tap';
import { startTestApp, TEST_EPOCH } from '../support/harness.js';
import { loadConfig, InvalidConfigError } from '../../src/config/index.js';
import { moveClock } from './support.js';

/* GET/POST /api/clock: only with TEST_CLOCK=1, forward only, ISO 8601 in and out. */
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const { app } = ctx;

t.test('GET answers the service time; POST moves it forward by set or advance', async (t) => {
  const get = await app.inject({ method: 'GET', url: '/api/clock' });
  t.equal(get.statusCode, 200);
  t.same(get.json(), { now: TEST_EPOCH.toISOString() });

  let res = await moveClock(app, { advance: 'PT1H30M' });
  t.equal(res.status, 200);
  t.same(res.body, { from: TEST_EPOCH.toISOString(), now: '2026-11-23T02:30:00.000Z', timers: { fired: 0, stale: 0, busy: 0, early: 0, failed: 0, incident: 0 } });
  res = await moveClock(app, { set: '2026-11-24T09:00:00+08:00' });
  t.equal(res.body.now, '2026-11-24T01:00:00.000Z');
  res = await moveClock(app, { advance: 'P1D' });
  t.equal(res.body.now, '2026-11-25T01:00:00.000Z');
  t.equal(ctx.clock.now().toISOString(), '2026-11-25T01:00:00.000Z', 'the clock every service uses moved');
  t.equal((await app.inject({ method: 'GET', url: '/api/clock' })).json().now, '2026-11-25T01:00:00.000Z');
  res = await moveClock(app, { set: '2026-11-25T01:00:00Z' });
  t.equal(res.status, 200, 'setting the current time is allowed');
});

t.test('the clock never goes back', async (t) => {
  const res = await moveClock(app, { set: TEST_EPOCH.toISOString() });
  t.equal(res.status, 409);
  t.match(res.body, { type: 'ClockMovedBackwardsException', message: /only moves forward/ });
  t.equal(ctx.clock.now().toISOString(), '2026-11-25T01:00:00.000Z');
});

t.test('malformed requests are 400 and move nothing', async (t) => {
  const before = ctx.clock.now().toISOString();
  for (const body of [
    {},
    { set: '2026-12-01T09:00:00' },
    { set: 'tomorrow' },
    { advance: 'R3/PT1H' },
    { advance: '-PT1H' },
    { advance: 'P' },
    { advance: 'PT' },
    { advance: 3600 },
    { set: '2026-12-01T09:00:00Z', advance: 'PT1H' },
  ]) {
    const res = await moveClock(app, body);
    t.equal(res.status, 400, JSON.stringify(body));
    t.equal(res.body.type, 'InvalidRequestException');
  }
  t.equal(ctx.clock.now().toISOString(), before);
});

t.test('without TEST_CLOCK the paths do not exist', async (t) => {
  const plain = await startTestApp({ config: { testClock: false } });
  t.teardown(() => plain.close());
  t.equal((await plain.app.inject({ method: 'GET', url: '/api/clock' })).statusCode, 404);
  t.equal((await plain.app.inject({ method: 'POST', url: '/api/clock', payload: { advance: 'PT1H' } })).statusCode, 404);
});

t.test('TEST_CLOCK=1 is refused in production', async (t) => {
  t.throws(() => loadConfig({ NODE_ENV: 'production', TEST_CLOCK: '1' }), InvalidConfigError);
});
