/**
 * `npm run bench:ledger`: exports 100,000 work orders as xlsx from PostgreSQL and reports the
 * time and the peak resident memory of the exporting process.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:ledger [-- --orders 100000]
 *
 * Works in its own schema `bench_ledger` (created, filled once, dropped with `--drop`). The
 * orders are projection rows written directly (test/support/synthetic-orders.ts): the export
 * reads only the projection. The export runs in a fresh child process, so the seeding's memory
 * is not in its numbers; it goes through the same code as `GET /api/ledger.xlsx`
 * (LedgerReader.rows → writeLedgerXlsx) into a stream that counts and drops the bytes.
 */
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../src/config/index.js';
import { createServices } from '../src/services.js';
import { writeLedgerXlsx } from '../src/ledger/index.js';
import { insertOrders, type SyntheticOrder } from '../test/support/synthetic-orders.js';
import { describeMachine } from './machine.js';

const { values: args } = parseArgs({ options: { orders: { type: 'string', default: '100000' }, measure: { type: 'boolean', default: false }, drop: { type: 'boolean', default: false } } });
const SCHEMA = 'bench_ledger';
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required (PostgreSQL)');

async function open() {
  const config = { ...loadConfig({ DATABASE_URL: databaseUrl, DEPLOY_SCHEMES: '0', LOG_LEVEL: 'warn' }), redisUrl: undefined };
  return createServices({ config, logger: pino({ level: 'warn' }), schema: SCHEMA });
}

const UNITS = ['water-bureau', 'housing-bureau', 'roads', 'power', 'environment', 'market-regulation', 'social-security', 'education'];
const TEXTS = ['小区门口下水道堵塞，污水漫到路面，影响居民出行，已持续三天。', '路灯损坏，夜间出行不便，请有关部门尽快维修。', '咨询社保转移接续办理流程及所需材料。', '工地夜间施工噪音扰民，严重影响休息。', '举报某商户占道经营，堵塞消防通道。'];

function synthetic(i: number): SyntheticOrder {
  const requestedAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000 * 4);
  const day = 86_400_000;
  const closed = i % 4 !== 0;
  return {
    number: `puyang-bench-${String(i).padStart(6, '0')}`,
    region: 'puyang',
    requestedAt,
    category: ['complaint', 'help', 'consultation', 'report', 'suggestion'][i % 5]!,
    channel: ['hotline', 'online', 'wechat', 'window'][i % 4]!,
    content: `${TEXTS[i % TEXTS.length]}（第${i}件）`,
    requesterName: i % 7 === 0 ? '濮阳县某某物业服务有限公司' : '张三',
    requesterType: i % 7 === 0 ? 'unit' : 'person',
    unitContact: i % 7 === 0 ? '李四' : null,
    status: closed ? 'closed' : 'handling',
    handlingUnit: UNITS[i % UNITS.length]!,
    coUnits: i % 9 === 0 ? [UNITS[(i + 1) % UNITS.length]!] : [],
    dispatchedAt: new Date(requestedAt.getTime() + 1_800_000),
    dueAt: new Date(requestedAt.getTime() + 5 * day),
    completedAt: closed ? new Date(requestedAt.getTime() + (i % 6) * day) : null,
    callbackAt: closed ? new Date(requestedAt.getTime() + 6 * day) : null,
    satisfaction: closed ? (['satisfied', 'basicallySatisfied', 'unsatisfied'] as const)[i % 3] : null,
    reminderCount: i % 5 === 0 ? 1 : 0,
    remindedAt: i % 5 === 0 ? new Date(requestedAt.getTime() + 4 * day) : null,
    supervisionCount: i % 11 === 0 ? 1 : 0,
    supervisedAt: i % 11 === 0 ? new Date(requestedAt.getTime() + 5 * day) : null,
  };
}

async function seed(count: number): Promise<void> {
  const services = await open();
  try {
    const [{ n }] = (await services.database.dataSource.query(`SELECT count(*)::int AS n FROM work_order`)) as [{ n: number }];
    if (n === count) return;
    await services.database.dataSource.query(`DELETE FROM work_order`);
    await services.regions.ensureRegion('puyang', '濮阳县');
    for (let i = 0; i < count; i += 10_000) await insertOrders(services.database.dataSource, Array.from({ length: Math.min(10_000, count - i) }, (_, k) => synthetic(i + k)));
    await services.database.dataSource.query(`ANALYZE work_order`);
  } finally {
    await services.close();
  }
}

/** Child: export once, print one JSON line. */
async function measure(): Promise<void> {
  const services = await open();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let bytes = 0;
  const sink = new Writable({ write: (chunk: Buffer, _e, done) => ((bytes += chunk.length), done()) });
  const started = process.hrtime.bigint();
  const rows = await writeLedgerXlsx(services.ledger.rows({}), sink);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await services.close();
  console.log(JSON.stringify({ rows, ms, bytes, baselineRssMiB: baseline / 2 ** 20, peakRssMiB: peak / 2 ** 20, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

async function main(): Promise<void> {
  const count = Number(args.orders);
  const machine = await describeMachine(databaseUrl!);
  const seedStart = Date.now();
  await seed(count);
  console.error(`seeded ${count} orders in schema ${SCHEMA} (${((Date.now() - seedStart) / 1000).toFixed(1)} s)`);
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--measure'], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`export child exited ${code}`))));
    });
    runs.push(JSON.parse(out.trim().split('\n').at(-1)!));
  }
  console.log(JSON.stringify({ machine, orders: count, runs }, null, 2));
  if (args.drop) {
    // A plain client: a service's scheduler would still poll the schema while it goes.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
    await client.end();
  }
}

await (args.measure ? measure() : main());
