import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { activeRegion, diagram, form, post } from './support.js';

// 50 intakes of one region at once (on PostgreSQL: real concurrency over the pool, all
// queueing on the region's day counter) get 50 distinct, consecutive numbers; another
// region's intakes interleaved with them count on their own.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const db = ctx.services.database.dataSource;
await activeRegion(ctx, 'puyang', '濮阳县', diagram('fixture', 'order-simple.bpmn'));
await activeRegion(ctx, 'xiangtan', '湘潭县', diagram('fixture', 'order-simple.bpmn'));

t.test('50 parallel intakes in one region get 50 distinct sequential numbers', async (t) => {
  const started = Date.now();
  const [puyang, xiangtan] = await Promise.all([
    Promise.all(Array.from({ length: 50 }, (_, i) => post(ctx, form({ content: `并发受理 ${i}` })))),
    Promise.all(Array.from({ length: 10 }, (_, i) => post(ctx, form({ region: 'xiangtan', content: `另一县 ${i}` })))),
  ]);
  t.comment(`${ctx.services.database.kind}: 60 intakes in ${Date.now() - started} ms`);
  t.same(puyang.map((r) => r.statusCode), Array(50).fill(201), 'all registered');
  const numbers = puyang.map((r) => r.json().number as string);
  t.equal(new Set(numbers).size, 50, 'distinct');
  t.same(
    [...numbers].sort(),
    Array.from({ length: 50 }, (_, i) => `puyang-20261123-${String(i + 1).padStart(4, '0')}`),
    'consecutive from 0001, no gaps',
  );
  t.same(
    xiangtan.map((r) => r.json().number as string).sort(),
    Array.from({ length: 10 }, (_, i) => `xiangtan-20261123-${String(i + 1).padStart(4, '0')}`),
    'each region counts on its own',
  );

  const rows = (await db.query(
    `SELECT w.number, pi.business_key FROM work_order w JOIN process_instance pi ON pi.id = w.process_instance_id WHERE w.region = 'puyang'`,
  )) as Array<{ number: string; business_key: string }>;
  t.equal(rows.length, 50, 'one order per intake');
  t.ok(rows.every((r) => r.number === r.business_key), 'each started its own instance with its number as business key');
  const [seq] = (await db.query(`SELECT seq FROM work_order_sequence WHERE region = 'puyang'`)) as Array<{ seq: number }>;
  t.equal(Number(seq!.seq), 50);
});

t.test('the next day starts again at 0001', async (t) => {
  ctx.clock.set(new Date('2026-11-24T00:00:01+08:00'));
  const res = await post(ctx, form({ requestedAt: '2026-11-24T00:00:00+08:00' }));
  t.equal(res.json().number, 'puyang-20261124-0001', 'the day is China time: 16:00:01 UTC is already the 24th');
});
