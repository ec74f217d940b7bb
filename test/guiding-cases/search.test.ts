import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { searchTerms } from '../../src/guiding-cases/index.js';
import { call, order, proposal, simpleRegion } from './support.js';

// Published cases are found by category and Chinese text; a dispatcher gets the cases most like a new order.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
await simpleRegion(ctx);

async function published(category: string, text: { title: string; summary: string; handling: string; basis?: string }): Promise<string> {
  const o = await order(ctx, { category });
  const { body } = await call(ctx, 'POST', '/api/guiding-cases', proposal(o.number, { basis: '《条例》', ...text }));
  await call(ctx, 'POST', `/api/guiding-cases/${body.id}/review`, { decision: 'approve', actor: 'centre.wang' });
  return body.id;
}

const sewer = await published('complaint', { title: '下水道堵塞污水外溢', summary: '小区门口下水道堵塞，污水漫到路面。', handling: '水利局疏通管网。' });
const lamp = await published('complaint', { title: '路灯不亮', summary: '主干道路灯夜间不亮，行人不便。', handling: '城管局更换灯具。' });
const water = await published('help', { title: '停水求助', summary: '小区突然停水，老人生活困难。', handling: '供水公司抢修管道，送水上门。' });
const drains = await published('complaint', { title: '雨后积水', summary: '暴雨后排水不畅，路面积水。', handling: '疏通雨水管道与下水道。' });
// A proposal nobody reviewed yet is not searchable.
const pending = await order(ctx, { category: 'complaint' });
await call(ctx, 'POST', '/api/guiding-cases', proposal(pending.number, { title: '下水道反复堵塞' }));

t.test('search terms: dictionary words plus character bigrams, no single characters', async (t) => {
  const terms = searchTerms('下水道堵了');
  t.ok(terms.includes('下水道') && terms.includes('下水') && terms.includes('水道'), terms.join(' '));
  t.notOk(terms.includes('了'));
  t.same(searchTerms('，。！'), []);
  t.ok(searchTerms('Ｎｏ．１２３ Road').includes('road'), 'full-width folded, lower-cased');
});

t.test('text search ranks the best match first; category and state filter', async (t) => {
  const hits = (await call(ctx, 'GET', `/api/guiding-cases?text=${encodeURIComponent('下水道堵了')}`)).body;
  t.equal(hits.items[0].id, sewer, 'title and summary match: first');
  t.same(hits.items.map((c: { id: string }) => c.id).sort(), [sewer, drains].sort(), 'only cases sharing a term; the unreviewed proposal is not published');
  t.ok(hits.items[0].score > hits.items[1].score);
  t.equal(hits.total, 2);

  const help = (await call(ctx, 'GET', `/api/guiding-cases?category=${encodeURIComponent('求助')}&text=${encodeURIComponent('停水')}`)).body;
  t.same(help.items.map((c: { id: string }) => c.id), [water]);
  t.equal(help.items[0].category, '求助');

  const all = (await call(ctx, 'GET', '/api/guiding-cases?category=complaint')).body;
  t.same(all.items.map((c: { id: string }) => c.id).sort(), [sewer, lamp, drains].sort(), 'no text: every published case of the category');
  const proposed = (await call(ctx, 'GET', '/api/guiding-cases?state=proposed')).body;
  t.match(proposed.items, [{ title: '下水道反复堵塞', state: 'proposed' }], 'reviewers list the proposals');
  t.equal((await call(ctx, 'GET', `/api/guiding-cases?text=${encodeURIComponent('的')}`)).body.total, 0, 'a text without search terms matches nothing');
  const page = (await call(ctx, 'GET', '/api/guiding-cases?category=complaint&maxResults=1&firstResult=1')).body;
  t.match(page, { total: 3, firstResult: 1, maxResults: 1 });
  t.equal(page.items.length, 1);
});

t.test('similar cases for a text, and for a new work order (its content, in its category)', async (t) => {
  const similar = (await call(ctx, 'GET', `/api/guiding-cases/similar?text=${encodeURIComponent('家门口的下水道又堵塞了，污水横流')}`)).body;
  t.equal(similar[0].id, sewer);

  const fresh = await order(ctx, { category: 'complaint', content: '我们小区门口下水道堵塞好几天了，污水漫到路面上。' }, false);
  const forOrder = await call(ctx, 'GET', `/api/work-orders/${fresh.number}/similar-cases?maxResults=2`);
  t.equal(forOrder.status, 200);
  t.equal(forOrder.body.workOrder, fresh.number);
  t.same(forOrder.body.items.map((c: { id: string }) => c.id), [sewer, drains], 'best first, at most 2');

  const asHelp = await order(ctx, { category: 'help', content: '下水道堵塞' }, false);
  t.same((await call(ctx, 'GET', `/api/work-orders/${asHelp.id}/similar-cases`)).body.items, [], 'other categories are not offered');
  t.equal((await call(ctx, 'GET', '/api/work-orders/puyang-20991231-0001/similar-cases')).status, 404);
  t.equal((await call(ctx, 'GET', '/api/guiding-cases/similar')).status, 400, 'text is required');
  t.match((await call(ctx, 'GET', '/api/guiding-cases/similar?text=x&maxResults=999')).body.message, /maxResults/);
});
