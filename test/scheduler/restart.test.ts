import t from 'tap';
import { keptStore } from './kept-store.js';
import { loadConfig } from '../../src/config/index.js';
import { TestClock } from '../../src/clock/index.js';
import { createServices, type Services } from '../../src/services.js';
import { buildApp } from '../../src/app.js';
import { TEST_ADMIN_PASSWORD, TEST_EPOCH, basicAuth, injectAs } from '../support/harness.js';
import { deploy, start, moveClock, ended, openTasks, timerRows, query, eventually, HOUR } from './support.js';

/*
 * Timers pending in PostgreSQL when the service stops fire after it starts again, although
 * Redis lost every job meanwhile; and none fires twice. The database outlives the service:
 * embedded PGlite in a data folder, or a PostgreSQL schema kept between the runs.
 */
const { redisUrl, schema, dataDir, logger, flushQueue, queuedJobIds } = await keptStore(t, 'restart');

/** One run of the service on the shared database, with its clock at `now`. */
async function boot(now: Date): Promise<{ services: Services; app: Awaited<ReturnType<typeof buildApp>>; clock: TestClock; stop(): Promise<void> }> {
  const config = { ...loadConfig({ ...process.env, TEST_CLOCK: '1', DEPLOY_SCHEMES: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir ?? './data', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD }), nodeId: `run-${now.toISOString()}` };
  const clock = new TestClock(now);
  const services = await createServices({ config, logger, clock, schema, inMemory: false });
  const app = await buildApp({ services, logger });
  await app.ready();
  injectAs(app, basicAuth('admin', TEST_ADMIN_PASSWORD));
  return {
    services,
    app,
    clock,
    async stop() {
      await app.close();
      await services.close();
    },
  };
}

/** Redis loses everything this database's queue had (a FLUSHALL, scoped to our queue). */
const iso = (ms: number) => new Date(ms).toISOString();
const t0 = TEST_EPOCH.getTime();

t.test('timers pending at shutdown fire after restart, Redis flushed meanwhile, each once', async (t) => {
  // Run 1: dispatch two work orders, then stop.
  const run1 = await boot(TEST_EPOCH);
  const deadlineDef = await deploy(run1.services, 'timer-deadline-reminder.bpmn');
  const cycleDef = await deploy(run1.services, 'timer-cycle.bpmn');
  const order = await start(run1.services, deadlineDef, { remindAt: iso(t0 + 1 * HOUR), deadline: iso(t0 + 3 * HOUR) }, 'RS-1');
  const pinged = await start(run1.services, cycleDef, { cycle: 'R3/PT1H' }, 'RS-2');
  const pending = await timerRows(run1.services);
  t.equal(pending.length, 3, 'reminder, deadline and first ping are rows in PostgreSQL');
  if (redisUrl) t.equal((await queuedJobIds(pending)).length, 3, 'and delayed jobs in Redis');
  await run1.stop();

  // Down for 90 minutes; Redis loses its data.
  if (redisUrl) {
    await flushQueue();
    t.same(await queuedJobIds(pending), [], 'Redis has nothing left');
  }

  // Run 2 starts after the reminder and the first ping were due: they fire without any clock move.
  const run2 = await boot(new Date(t0 + 90 * 60_000));
  const s2 = run2.services;
  t.ok(await eventually(async () => (await ended(s2, order, 'Reminded')).length === 1 && (await ended(s2, pinged, 'Pinged')).length === 1), 'overdue timers fired on start');
  const left = await timerRows(s2);
  t.same(left.map((r) => r.activity_id).sort(), ['Overdue', 'Ping'], 'the deadline and the next ping wait');
  if (redisUrl) t.same((await queuedJobIds(left)).sort(), left.map((r) => r.id).sort(), 'the reconciler put the pending timers back into Redis');
  t.same((await openTasks(s2, order)).map((x) => x.task_definition_key), ['Handle'], 'the reminder left the task open');

  await moveClock(run2.app, { advance: 'PT5H' });
  t.same((await ended(s2, order, 'Overdue')).map((d) => d.toISOString()), [iso(t0 + 3 * HOUR)], 'the deadline fired at its time');
  t.equal((await ended(s2, pinged, 'Pinged')).length, 3, 'the cycle finished its three pings');
  t.same(await timerRows(s2), []);
  await run2.stop();

  // Run 3, a day later: nothing is left to fire, and nothing fires again.
  if (redisUrl) await flushQueue();
  const run3 = await boot(new Date(t0 + 30 * HOUR));
  await moveClock(run3.app, { advance: 'P2D' });
  const s3 = run3.services;
  t.equal((await ended(s3, order, 'Reminded')).length, 1, 'reminded once');
  t.equal((await ended(s3, order, 'Overdue')).length, 1, 'overdue once');
  t.equal((await ended(s3, pinged, 'Pinged')).length, 3, 'pinged three times');
  const twice = await query(s3, `SELECT payload->>'timerId' AS id, count(*)::int AS n FROM history_event WHERE event_type = 'timer.fired' GROUP BY 1 HAVING count(*) > 1`);
  t.same(twice, [], 'no timer fired twice');
  t.equal((await query(s3, `SELECT 1 FROM history_event WHERE event_type = 'timer.fired'`)).length, 5, 'five firings in all');
  await run3.stop();
});
