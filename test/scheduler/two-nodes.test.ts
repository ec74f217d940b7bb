import t from 'tap';
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/index.js';
import { TestClock } from '../../src/clock/index.js';
import { createServices, type Services } from '../../src/services.js';
import { TimerScheduler, type FiringReport } from '../../src/scheduler/index.js';
import { TEST_EPOCH } from '../support/harness.js';
import { deploy, start, timerRows, query, eventually, HOUR } from './support.js';

/*
 * Several nodes share the timer table (and, with Redis, one queue): every timer that is due
 * at the same moment fires exactly once, whichever node gets it. With PostgreSQL and Redis the
 * nodes are two whole services on one schema; on embedded PGlite (one process only) they are
 * two schedulers with their own node ids over the same database.
 */
const N = 40;
const redisUrl = process.env.REDIS_URL;
const databaseUrl = process.env.DATABASE_URL;
const schema = databaseUrl ? `t_${randomBytes(6).toString('hex')}` : undefined;
const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

async function node(id: string): Promise<Services> {
  const config = { ...loadConfig({ ...process.env, TEST_CLOCK: '1', DEPLOY_SCHEMES: '0', LOG_LEVEL: 'silent' }), nodeId: id };
  return createServices({ config, logger, clock: new TestClock(TEST_EPOCH), schema, inMemory: true });
}

const a = await node('node-a');
const b = databaseUrl ? await node('node-b') : undefined;
t.teardown(async () => {
  await b?.close();
  await a.close();
  if (schema && databaseUrl) {
    const ds = new DataSource({ type: 'postgres', url: databaseUrl });
    await ds.initialize();
    await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await ds.destroy();
  }
});

t.test(`${N} timers due at the same moment fire once each, shared between nodes`, async (t) => {
  const definitionId = await deploy(a, 'timer-bench.bpmn');
  const dueAt = new Date(TEST_EPOCH.getTime() + HOUR);
  const instances: string[] = [];
  for (let i = 0; i < N; i++) instances.push(await start(i % 2 && b ? b : a, definitionId, { dueAt: dueAt.toISOString() }));
  t.equal((await timerRows(a)).length, N);

  // Time passes on every node. With Redis, its jobs are lost first, so that the reconcilers of
  // both nodes enqueue them again due now, and both workers race for them.
  if (redisUrl) {
    const queue = new Queue(`suqiu-timers-${schema}`, { connection: { url: redisUrl, maxRetriesPerRequest: null } });
    await queue.obliterate({ force: true });
    await queue.close();
  }
  const nodes: Array<{ name: string; scheduler: TimerScheduler; clock: TestClock }> = [{ name: 'node-a', scheduler: a.scheduler, clock: a.clock as TestClock }];
  // On embedded PGlite the second node is a second scheduler with its own id over the same database.
  nodes.push(b ? { name: 'node-b', scheduler: b.scheduler, clock: b.clock as TestClock } : { name: 'node-b', scheduler: new TimerScheduler({ host: a.host, dataSource: a.database.dataSource, clock: a.clock, logger, nodeId: 'node-b', concurrency: 1 }), clock: a.clock as TestClock });
  const reports: Array<FiringReport & { node: string }> = [];
  for (const n of nodes) n.scheduler.firing.events.on('firing', (r: FiringReport) => reports.push({ ...r, node: n.name }));
  for (const n of nodes) n.clock.set(dueAt);

  if (databaseUrl) {
    // Everything at once: both reconcilers (→ both BullMQ workers, when Redis is there) and a
    // direct run on each node, racing for the same rows.
    await Promise.all(nodes.flatMap((n) => [n.scheduler.reconcile(), n.scheduler.runDue(dueAt)]));
  } else {
    // PGlite serves one transaction at a time (and its socket server mishandles concurrent
    // transactions plus plain queries), so the sharing is shown step by step: node B leases a
    // part, node A's claims skip it, each fires its own, duplicates are no-ops.
    const [nodeA, nodeB] = nodes as [(typeof nodes)[0], (typeof nodes)[0]];
    const heldByB = await nodeB.scheduler.store.claimDue(dueAt, 15);
    const heldByA = await nodeA.scheduler.store.claimDue(dueAt, N);
    t.equal(heldByB.length + heldByA.length, N);
    t.equal(new Set([...heldByA, ...heldByB].map((x) => x.id)).size, N, 'no timer leased by both');
    for (const x of heldByA) await nodeA.scheduler.firing.fireClaimed(x);
    for (const x of heldByB.slice(0, 5)) t.equal(await nodeA.scheduler.firing.fire(x), 'busy', 'node A leaves node B its lease');
    for (const x of heldByB) await nodeB.scheduler.firing.fireClaimed(x);
    for (const x of [...heldByA.slice(0, 5), ...heldByB.slice(0, 5)]) t.equal(await nodeB.scheduler.firing.fire(x), 'stale', 'a second delivery is a no-op');
    for (const n of nodes) t.equal((await n.scheduler.runDue(dueAt)).fired, 0);
  }
  t.ok(await eventually(async () => (await timerRows(a)).length === 0), 'every timer row is gone');
  t.ok(await eventually(async () => reports.filter((r) => r.outcome === 'fired').length >= N), 'every firing reported');

  const fired = reports.filter((r) => r.outcome === 'fired');
  t.equal(fired.length, N, 'one firing per timer');
  t.equal(new Set(fired.map((r) => r.timerId)).size, N, 'no timer fired twice');
  const byNode = Object.fromEntries(nodes.map((n) => [n.name, fired.filter((r) => r.node === n.name).length]));
  t.comment(`fired per node: ${JSON.stringify(byNode)}; other outcomes: ${JSON.stringify(reports.filter((r) => r.outcome !== 'fired').map((r) => r.outcome))}`);

  const passed = await query(a, `SELECT process_instance_id, count(*)::int AS n FROM activity_instance WHERE activity_id = 'Tick' AND end_time IS NOT NULL GROUP BY 1`);
  t.equal(passed.length, N, 'every instance passed its timer');
  t.ok(passed.every((p) => p.n === 1), 'each exactly once');
  const tasks = await query(a, `SELECT count(*)::int AS n FROM task WHERE task_definition_key = 'Next'`);
  t.equal(tasks[0]!.n, N, 'one next task per instance');
  const events = await query(a, `SELECT count(*)::int AS n FROM history_event WHERE event_type = 'timer.fired'`);
  t.equal(events[0]!.n, N);
  t.ok(instances.length === N);
});
