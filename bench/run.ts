/**
 * `npm run bench`: the engine round trip, over real HTTP against the service on PostgreSQL,
 * at a few client concurrencies, next to plain bpmn-engine in memory as the ceiling. Prints a
 * markdown report and writes it to docs/benchmarks.md, section "Engine round trip".
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench
 *   … npm run bench -- --instances 500 --concurrency 1,4,16,32 --no-write
 *
 * Each run creates a database of its own on that server and drops it afterwards.
 */
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { modelerDeployForm } from '../test/support/modeler.js';
import { freePort, freshDatabase, spawnService, SERVICE_ADMIN_PASSWORD } from '../test/support/service-process.js';
import { describeMachine } from './machine.js';
import { rawEngineRate } from './raw-engine.js';
import { roundTrips, type RoundTripResult } from './http-round-trip.js';
import { renderSection, writeSection, type LevelCpu } from './report.js';
import { backendsDelta, ownCpuSeconds, postgresBackendsCpu, processCpuSeconds } from './cpu-time.js';

const DIAGRAM = 'test/fixtures/processes/order-simple.bpmn';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      instances: { type: 'string', default: '300' },
      concurrency: { type: 'string', default: '1,4,16' },
      'raw-instances': { type: 'string', default: '2000' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const instances = positiveInt(values.instances!, '--instances');
  const levels = values.concurrency!.split(',').map((c) => positiveInt(c, '--concurrency'));
  const rawInstances = positiveInt(values['raw-instances']!, '--raw-instances');
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('npm run bench measures the service on PostgreSQL: set DATABASE_URL, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench');
    process.exit(2);
  }
  const root = fileURLToPath(new URL('../', import.meta.url));
  const xml = readFileSync(`${root}${DIAGRAM}`, 'utf8');
  const machine = await describeMachine(databaseUrl);
  const serviceLogLevel = process.env.SERVICE_LOG_LEVEL ?? 'warn';
  log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}, load ${machine.loadAtStart.toFixed(2)}`);

  log(`raw bpmn-engine: ${rawInstances} instances`);
  const raw = await rawEngineRate(xml, rawInstances, {
    start: { unit: 'water' },
    complete: { reply: '已联系承办单位处理完毕', resolved: true },
  });
  log(`raw bpmn-engine: ${raw.perSecond.toFixed(1)}/s`);

  const db = await freshDatabase('bench', databaseUrl);
  const service = await spawnService({ port: await freePort(), env: { ...db.env, LOG_LEVEL: serviceLogLevel } });
  const results: RoundTripResult[] = [];
  const cpu: LevelCpu[] = [];
  // Backend CPU can only be read from /proc when PostgreSQL runs on this machine.
  const dbName = new URL(db.url!).pathname.slice(1);
  const localPostgres = ['127.0.0.1', 'localhost', '[::1]', ''].includes(new URL(databaseUrl).hostname);
  const pid = service.child.pid!;
  try {
    const login = await fetch(`${service.baseUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: SERVICE_ADMIN_PASSWORD }),
    });
    const authorization = `Bearer ${((await login.json()) as { token: string }).token}`;
    const deployed = await fetch(`${service.rest}/deployment/create`, {
      method: 'POST',
      headers: { authorization },
      body: modelerDeployForm({ name: 'bench', fileName: 'order-simple.bpmn', xml }),
    });
    if (deployed.status !== 200) throw new Error(`deploy: ${deployed.status} ${await deployed.text()}`);
    const definitionId = Object.keys(((await deployed.json()) as { deployedProcessDefinitions: Record<string, unknown> }).deployedProcessDefinitions)[0]!;

    log('warm-up: 40 instances, 4 clients');
    await roundTrips({ rest: service.rest, definitionId, instances: 40, concurrency: 4, prefix: 'WARM', authorization });
    for (const concurrency of levels) {
      log(`service: ${instances} instances, ${concurrency} clients at once`);
      const before = { service: processCpuSeconds(pid), client: ownCpuSeconds(), pg: localPostgres ? await postgresBackendsCpu(databaseUrl, dbName) : null };
      const r = await roundTrips({ rest: service.rest, definitionId, instances, concurrency, prefix: `B${concurrency}`, authorization });
      const after = { service: processCpuSeconds(pid), client: ownCpuSeconds(), pg: localPostgres ? await postgresBackendsCpu(databaseUrl, dbName) : null };
      const perInstance = (seconds: number) => (seconds * 1000) / instances;
      cpu.push({
        service: before.service !== null && after.service !== null ? perInstance(after.service - before.service) : null,
        postgres: before.pg && after.pg ? perInstance(backendsDelta(before.pg, after.pg)) : null,
        client: perInstance(after.client - before.client),
      });
      log(`service: ${r.perSecond.toFixed(1)}/s`);
      results.push(r);
    }
  } catch (err) {
    console.error(service.output());
    throw err;
  } finally {
    await service.stop();
    await db.drop();
  }

  const section = renderSection({
    date: new Date().toISOString().slice(0, 10),
    machine,
    loadAtEnd: os.loadavg()[0]!,
    diagram: DIAGRAM,
    serviceLogLevel,
    raw,
    levels: results,
    cpu,
  });
  process.stdout.write(`\n${section}\n`);
  if (!values['no-write']) {
    writeSection(`${root}docs/benchmarks.md`, section);
    log('written to docs/benchmarks.md');
  }
}

function positiveInt(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what}: expected a positive integer, got '${text}'`);
  return n;
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

await main();
