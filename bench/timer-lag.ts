/**
 * `npm run bench:timers`: two service processes (src/server.ts, unchanged) share one
 * PostgreSQL database and one Redis queue; 1,000 instances wait on a timer due at the same
 * instant; we measure the lag from that instant to each committed transition and check that
 * every timer fired exactly once.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test REDIS_URL=redis://127.0.0.1:6379 npm run bench:timers
 *   … -- --timers 1000 --lead 150 --nodes 2     (lead: seconds from the first start to the due time)
 *
 * It creates (and drops) its own database `suqiu_bench_timers` next to DATABASE_URL's, and
 * uses Redis logical database 7 so that it never touches another queue.
 *
 * Lag is measured twice: "committed" is logged by the firing node right after the commit
 * (`timer fired`, lagMs, on its system clock); "command start" is the firing command's clock
 * reading as written to history (activity end time), i.e. without the command's own work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

const { values: args } = parseArgs({
  options: {
    timers: { type: 'string', default: '1000' },
    lead: { type: 'string', default: '150' },
    nodes: { type: 'string', default: '2' },
    port: { type: 'string', default: '3701' },
  },
});
const TIMERS = Number(args.timers);
const LEAD_S = Number(args.lead);
const NODES = Number(args.nodes);
const BASE_PORT = Number(args.port);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_DB = 'suqiu_bench_timers';
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisBase = (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d+$/, '');
const redisUrl = `${redisBase}/7`;
const dbUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${BENCH_DB}`;
  return u.toString();
})();

interface Fired {
  node: string;
  timerId: string;
  processInstanceId: string;
  lagMs: number;
}

async function main(): Promise<void> {
  await recreateDatabase();
  await obliterateQueue();
  const children: ChildProcess[] = [];
  const fired: Fired[] = [];
  const problems: string[] = [];
  try {
    const urls = Array.from({ length: NODES }, (_, i) => `http://127.0.0.1:${BASE_PORT + i}`);
    // One after the other: the first applies the migrations (TypeORM takes no lock for them).
    for (let i = 0; i < NODES; i++) {
      children.push(startNode(`bench-${String.fromCharCode(97 + i)}`, BASE_PORT + i, fired, problems));
      await waitHealthy(urls[i]!, children[i]!, problems);
    }
    const definitionId = await deployBenchProcess(urls[0]!);

    const dueAt = new Date(Date.now() + LEAD_S * 1000);
    const created = Date.now();
    const instances = await startInstances(urls, definitionId, dueAt);
    const createdS = (Date.now() - created) / 1000;
    const slack = dueAt.getTime() - Date.now();
    console.error(`started ${instances.length} instances in ${createdS.toFixed(1)} s (${(instances.length / createdS).toFixed(0)}/s); ${(slack / 1000).toFixed(1)} s before the due time`);
    if (slack < 1000) throw new Error(`instances were still being created at the due time; rerun with a larger --lead than ${LEAD_S}`);

    const db = new DataSource({ type: 'postgres', url: dbUrl });
    await db.initialize();
    try {
      await waitFor(async () => fired.length >= TIMERS, (LEAD_S + 300) * 1000);
      await waitFor(async () => Number((await db.query(`SELECT count(*)::int AS n FROM timer_job`))[0].n) === 0, 30_000);
      const report = await measure(db, fired, dueAt, instances, createdS);
      console.log(report);
    } finally {
      await db.destroy();
    }
    if (problems.length) console.error(`node problems:\n${problems.slice(0, 20).join('\n')}`);
  } finally {
    await Promise.all(children.map(stopNode));
    await obliterateQueue();
    await dropDatabase();
  }
}

/** Every node shares the database, so the first to start creates `admin` with this password. */
const BENCH_ADMIN_PASSWORD = 'bench-admin-password';
const BENCH_AUTH = `Basic ${Buffer.from(`admin:${BENCH_ADMIN_PASSWORD}`).toString('base64')}`;

function startNode(nodeId: string, port: number, fired: Fired[], problems: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl,
      REDIS_URL: redisUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ID: nodeId,
      LOG_LEVEL: 'debug',
      DEPLOY_SCHEMES: '0',
      TEST_CLOCK: '0',
      ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    const entry = JSON.parse(line) as { msg?: string; level?: number; lagMs?: number; timerId?: string; processInstanceId?: string; node?: string };
    if (entry.msg === 'timer fired') fired.push({ node: nodeId, timerId: entry.timerId!, processInstanceId: entry.processInstanceId!, lagMs: entry.lagMs! });
    else if ((entry.level ?? 0) >= 40) problems.push(`${nodeId}: ${line.slice(0, 300)}`);
  });
  return child;
}

async function stopNode(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function waitHealthy(url: string, child: ChildProcess, problems: string[]): Promise<void> {
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`${url}: the service exited (${child.exitCode}): ${problems.join('\n')}`);
    try {
      return (await fetch(`${url}/health`)).ok;
    } catch {
      return false;
    }
  }, 120_000);
}

async function deployBenchProcess(url: string): Promise<string> {
  const form = new FormData();
  form.append('deployment-name', 'timer-bench');
  const xml = readFileSync(new URL('../test/fixtures/processes/timer-bench.bpmn', import.meta.url), 'utf8');
  form.append('timer-bench.bpmn', new Blob([xml], { type: 'text/xml' }), 'timer-bench.bpmn');
  const res = await fetch(`${url}/engine-rest/deployment/create`, { method: 'POST', body: form, headers: { authorization: BENCH_AUTH } });
  if (!res.ok) throw new Error(`deploy: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { deployedProcessDefinitions: Record<string, { id: string }> };
  return Object.values(body.deployedProcessDefinitions)[0]!.id;
}

async function startInstances(urls: string[], definitionId: string, dueAt: Date): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < TIMERS) {
      const i = next++;
      const res = await fetch(`${urls[i % urls.length]}/engine-rest/process-definition/${encodeURIComponent(definitionId)}/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: BENCH_AUTH },
        body: JSON.stringify({ businessKey: `BENCH-${i}`, variables: { dueAt: { value: dueAt.toISOString(), type: 'String' } } }),
      });
      if (!res.ok) throw new Error(`start ${i}: ${res.status} ${await res.text()}`);
      ids.push(((await res.json()) as { id: string }).id);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return ids;
}

async function measure(db: DataSource, fired: Fired[], dueAt: Date, instances: string[], createdS: number): Promise<string> {
  const committed = fired.map((f) => f.lagMs).sort((a, b) => a - b);
  const starts = ((await db.query(`SELECT extract(epoch FROM (end_time - $1::timestamptz)) * 1000 AS lag FROM activity_instance WHERE activity_id = 'Tick' AND end_time IS NOT NULL`, [dueAt])) as Array<{ lag: string }>)
    .map((r) => Number(r.lag))
    .sort((a, b) => a - b);
  const perInstance = (await db.query(`SELECT count(*)::int AS n FROM activity_instance WHERE activity_id = 'Tick' AND end_time IS NOT NULL GROUP BY process_instance_id`)) as Array<{ n: number }>;
  const events = Number((await db.query(`SELECT count(*)::int AS n FROM history_event WHERE event_type = 'timer.fired'`))[0].n);
  const tasks = Number((await db.query(`SELECT count(*)::int AS n FROM task WHERE task_definition_key = 'Next'`))[0].n);
  const uniqueFired = new Set(fired.map((f) => f.timerId)).size;
  const byNode = Object.entries(fired.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.node]: (acc[f.node] ?? 0) + 1 }), {}))
    .map(([n, c]) => `${n} ${c}`)
    .join(', ');
  const pg = ((await db.query(`SHOW server_version`)) as Array<{ server_version: string }>)[0]!.server_version;
  const once = perInstance.length === instances.length && perInstance.every((p) => p.n === 1) && events === instances.length && uniqueFired === fired.length && tasks === instances.length;
  const cpu = cpus();
  return [
    `machine: ${cpu.length} × ${cpu[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, PostgreSQL ${pg}, Redis at ${redisBase}`,
    `setup: ${NODES} service processes (src/server.ts, NODE_ENV=production, BullMQ concurrency 4 each), ${instances.length} instances started over REST in ${createdS.toFixed(1)} s, all due at ${dueAt.toISOString()}`,
    `exactly once: ${once ? 'yes' : 'NO'} (timer passed once in ${perInstance.filter((p) => p.n === 1).length}/${instances.length} instances; ${events} timer.fired events; ${fired.length} firings logged, ${uniqueFired} distinct timers; ${tasks} next tasks)`,
    `fired per node: ${byNode}`,
    `load average at the end (1/5/15 min): ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`,
    `lag due → committed (ms): min ${committed[0]?.toFixed(0)}, p50 ${pct(committed, 50)}, p90 ${pct(committed, 90)}, p99 ${pct(committed, 99)}, max ${committed.at(-1)?.toFixed(0)}`,
    `lag due → firing command start (ms): min ${starts[0]?.toFixed(0)}, p50 ${pct(starts, 50)}, p90 ${pct(starts, 90)}, p99 ${pct(starts, 99)}, max ${starts.at(-1)?.toFixed(0)}`,
    `throughput: ${(committed.length / ((committed.at(-1) ?? 1) / 1000)).toFixed(0)} firings/s (all ${committed.length} committed within ${((committed.at(-1) ?? 0) / 1000).toFixed(1)} s of the due time)`,
  ].join('\n');
}

function pct(sorted: number[], p: number): string {
  if (sorted.length === 0) return '-';
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(0);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function recreateDatabase(): Promise<void> {
  await dropDatabase();
  await admin(`CREATE DATABASE ${BENCH_DB}`);
}

async function dropDatabase(): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
}

async function admin(sql: string): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url: adminUrl });
  await ds.initialize();
  try {
    await ds.query(sql);
  } finally {
    await ds.destroy();
  }
}

async function obliterateQueue(): Promise<void> {
  const queue = new Queue('suqiu-timers', { connection: { url: redisUrl, maxRetriesPerRequest: null } });
  await queue.obliterate({ force: true });
  await queue.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
