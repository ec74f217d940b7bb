import t from 'tap';
import { keptStore } from './kept-store.js';
import { loadConfig } from '../../src/config/index.js';
import { TestClock } from '../../src/clock/index.js';
import { createServices, type Services } from '../../src/services.js';
import { TEST_EPOCH } from '../support/harness.js';
import { query, eventually, HOUR } from './support.js';
import { timerStartXml } from './timer-start-support.js';

/*
 * Timer start jobs pending in PostgreSQL when the service stops fire after it starts again,
 * although Redis lost every job meanwhile, and each occurrence starts one instance only. With
 * PostgreSQL the service comes back as two nodes at once, racing for the overdue occurrence.
 * The database outlives the service: embedded PGlite in a data folder, or a kept schema.
 */
const { redisUrl, databaseUrl, schema, dataDir, logger, flushQueue, queuedJobIds } = await keptStore(t, 'start-restart');

async function boot(now: Date, node: string) {
  const config = { ...loadConfig({ ...process.env, TEST_CLOCK: '1', DEPLOY_SCHEMES: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir ?? './data' }), nodeId: `${node}-${now.toISOString()}` };
  const services = await createServices({ config, logger, clock: new TestClock(now), schema, inMemory: false });
  return { services, stop: () => services.close() };
}

/**
 * The clock move POST /api/clock makes (scheduler.moveTestClock), called directly: these
 * services are booted without the HTTP app and its sign-in.
 */
async function advance(s: Services, ms: number): Promise<void> {
  await s.scheduler.moveTestClock(new Date(s.clock.now().getTime() + ms));
}

async function deploy(s: Services, key: string, type: 'timeDate' | 'timeCycle', value: string): Promise<string> {
  const r = await s.deployments.deploy({ name: key, source: 'test', tenantId: null, enableDuplicateFiltering: false, deployChangedOnly: false, resources: [{ name: `${key}.bpmn`, content: Buffer.from(timerStartXml(key, type, value)) }] });
  return r.definitions![0]!.id;
}

async function startJobs(s: Services) {
  const rows = await query<{ id: string; activity_id: string; due_at: Date }>(s, `SELECT id, activity_id, due_at FROM timer_job WHERE process_instance_id IS NULL ORDER BY due_at, id`);
  return rows.map((r) => ({ ...r, due_at: new Date(r.due_at) }));
}

const count = async (s: Services, definitionId: string) =>
  (await query<{ n: number }>(s, `SELECT count(*)::int AS n FROM process_instance WHERE definition_id = $1`, [definitionId]))[0]!.n;

const t0 = TEST_EPOCH.getTime();

t.test('timer start jobs survive a restart with Redis flushed, and fire once each', async (t) => {
  const run1 = await boot(TEST_EPOCH, 'a');
  const cycle = await deploy(run1.services, 'restart-cycle', 'timeCycle', 'R3/PT1H');
  const date = await deploy(run1.services, 'restart-date', 'timeDate', new Date(t0 + 2 * HOUR).toISOString());
  const pending = await startJobs(run1.services);
  t.equal(pending.length, 2, 'two timer start jobs in PostgreSQL');
  if (redisUrl) t.equal((await queuedJobIds(pending)).length, 2, 'and delayed jobs in Redis');
  await run1.stop();
  if (redisUrl) await flushQueue();

  // Back 90 minutes later, on PostgreSQL as two nodes at once: the first occurrence is overdue.
  const later = new Date(t0 + 90 * 60_000);
  const nodes = await Promise.all(databaseUrl ? [boot(later, 'a'), boot(later, 'b')] : [boot(later, 'a')]);
  const s2 = nodes[0]!.services;
  t.ok(await eventually(async () => (await count(s2, cycle)) === 1), 'the overdue occurrence started its instance without a clock move');
  const left = await startJobs(s2);
  t.same(left.map((j) => j.due_at.toISOString()), [new Date(t0 + 2 * HOUR).toISOString(), new Date(t0 + 2 * HOUR).toISOString()], 'the cycle moved on; the date still waits');
  // The firing hands the cycle's next occurrence to Redis; the date (30 minutes away, beyond
  // the reconciler's 10-minute horizon) is enqueued by a later pass.
  const nextOccurrence = left.filter((j) => j.id === pending.find((p) => p.due_at.getTime() === t0 + HOUR)?.id);
  if (redisUrl) t.ok(await eventually(async () => (await queuedJobIds(nextOccurrence)).length === 1), 'the next occurrence is a delayed job again');

  await advance(s2, 5 * HOUR);
  t.equal(await count(s2, cycle), 3, 'the cycle started its three instances');
  t.equal(await count(s2, date), 1, 'the date started one');
  t.same(await startJobs(s2), []);
  for (const n of nodes) await n.stop();

  // A day later, Redis flushed again: nothing is left, nothing starts twice.
  if (redisUrl) await flushQueue();
  const run3 = await boot(new Date(t0 + 30 * HOUR), 'a');
  await advance(run3.services, 48 * HOUR);
  t.equal(await count(run3.services, cycle), 3);
  t.equal(await count(run3.services, date), 1);
  const twice = await query(run3.services, `SELECT payload->>'timerId', payload->>'dueAt', count(*)::int FROM history_event WHERE event_type = 'timer.fired' GROUP BY 1, 2 HAVING count(*) > 1`);
  t.same(twice, [], 'no occurrence fired twice');
  await run3.stop();
});
