import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { activeRegion, complete, diagram, form, post } from '../work-orders/support.js';
import { LEDGER_COLUMNS } from '../../src/ledger/index.js';
import { clockTo, parseCsv, readXlsx } from './support.js';

// 工作台账 (seed 001 annex 3) over orders driven through intake and Puyang's real scheme.
// Clock: Monday 2026-11-23 09:00 +08:00.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
await activeRegion(ctx, 'puyang', '濮阳县', diagram('scheme', 'puyang.bpmn'), 'puyang.bpmn');
await activeRegion(ctx, 'huojia', '获嘉县', diagram('fixture', 'order-simple.bpmn'));

const intake = async (over: Record<string, unknown>) => {
  const res = await post(ctx, form({ responsibleUnits: undefined, ...over }));
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as { id: string; number: string; processInstanceId: string };
};

// A: a unit's complaint, two units after a coordination meeting, answered in time, satisfied.
const a = await intake({ requesterType: 'unit', requesterName: '濮阳县某物业公司', unitContact: '李四', phone: '0393-8881234', content: '小区供水管网漏水', requestedAt: '2026-11-23T08:30:00+08:00' });
await complete(ctx, a.processInstanceId, 'Dispatch', { urgency: 'general', emergency: false, multiUnit: true, unit: 'water-bureau' });
await clockTo(ctx, '2026-11-23T10:00:00+08:00');
await complete(ctx, a.processInstanceId, 'Coordinate', { unit: 'water-bureau', coUnits: 'housing-bureau', meetingNote: '水利局牵头' });
await clockTo(ctx, '2026-11-24T14:00:00+08:00');
await complete(ctx, a.processInstanceId, 'Handle', { outcome: 'replied', reply: '已维修' });
await clockTo(ctx, '2026-11-24T16:00:00+08:00');
await complete(ctx, a.processInstanceId, 'Callback', { satisfaction: 'satisfied', redo: false });

// B: a person's urgent request that runs over: supervision order, late reply, unsatisfied.
const b = await intake({ requesterName: '王五', phone: '13900001111', content: '路灯损坏', category: 'help', requestedAt: '2026-11-24T15:00:00+08:00' });
await complete(ctx, b.processInstanceId, 'Dispatch', { urgency: 'urgent', emergency: false, multiUnit: false, unit: 'roads' });
await clockTo(ctx, '2026-11-27T18:00:00+08:00'); // the overdue timer fires
await clockTo(ctx, '2026-11-27T20:00:00+08:00');
await complete(ctx, b.processInstanceId, 'IssueSupervision', { supervisionNote: '限期办结', supervisionDueAt: '2026-11-30T18:00:00+08:00' });
await clockTo(ctx, '2026-11-30T10:00:00+08:00');
await complete(ctx, b.processInstanceId, 'SupervisedHandle', { outcome: 'replied', reply: '已修复' });
await clockTo(ctx, '2026-11-30T11:00:00+08:00');
await complete(ctx, b.processInstanceId, 'Callback', { satisfaction: 'unsatisfied', redo: false });

// C: registered with two units from the form, not yet dispatched.
const c = await intake({ requesterName: '赵六', phone: '13700002222', content: '咨询低保申请', category: '咨询', requestedAt: '2026-11-30T09:00:00+08:00', responsibleUnits: ['social-security', 'civil-affairs'], leadUnit: 'civil-affairs' });
// D: another region.
const d = await intake({ region: 'huojia', requesterName: '钱七', content: '噪音扰民', requestedAt: '2026-11-30T10:00:00+08:00', responsibleUnits: ['environment'] });

const expected = [
  ['1', '濮阳县某物业公司', '李四', '0393-8881234', '小区供水管网漏水', '投诉', 'water-bureau（牵头）、housing-bureau', '2026-11-23 10:00', '2026-11-30 18:00', '否', '否', '否', '2026-11-24 14:00', '已办结', '2026-11-24 16:00', '满意', `未超期；工单编号 ${a.number}`],
  ['2', '王五', '', '13900001111', '路灯损坏', '求助', 'roads', '2026-11-24 16:00', '2026-11-27 18:00', '否', '是 2026-11-27 18:00', '否', '2026-11-30 10:00', '已办结', '2026-11-30 11:00', '不满意', `超期 2天16小时；工单编号 ${b.number}`],
  ['3', '赵六', '', '13700002222', '咨询低保申请', '咨询', 'civil-affairs（牵头）、social-security', '', '', '否', '否', '否', '', '待分办', '', '', `未超期；工单编号 ${c.number}`],
  ['4', '钱七', '', '13812345678', '噪音扰民', '投诉', 'environment', '2026-11-30 11:00', '2026-12-03 11:00', '否', '否', '否', '', '办理中', '', '', `未超期；工单编号 ${d.number}`],
];
const asObject = (cells: string[]) => Object.fromEntries(LEDGER_COLUMNS.map((h, i) => [h, i === 0 ? Number(cells[i]) : cells[i]]));

t.test('JSON: exactly the annex 3 columns, one row per order in order of request, every cell', async (t) => {
  const res = await ctx.app.inject({ method: 'GET', url: '/api/ledger' });
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.same(body.columns, [...LEDGER_COLUMNS]);
  t.same(body.columns, ['序号', '姓名或单位名称', '单位联系人', '联系方式', '主要诉求', '诉求类别', '政务服务部门及牵头部门', '分办转办时间', '要求办理期限', '是否催办及时间', '是否督办及时间', '是否退回重办及时间', '实际办结时间', '办理情况', '回访时间', '办理结果满意度', '备注'], 'spelled as in the annex');
  t.equal(body.total, 4);
  t.same(body.items.map((i: { number: string }) => i.number), [a.number, b.number, c.number, d.number]);
  body.items.forEach((item: { row: Record<string, unknown> }, i: number) => {
    t.same(Object.keys(item.row), [...LEDGER_COLUMNS], `row ${i + 1}: the annex's columns in its order`);
    t.same(item.row, asObject(expected[i]!), `row ${i + 1}: every cell`);
  });
});

t.test('filters and paging', async (t) => {
  const numbers = async (query: string) => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/ledger${query}` });
    t.equal(res.statusCode, 200, query);
    return res.json().items.map((i: { number: string }) => i.number);
  };
  t.same(await numbers('?region=huojia'), [d.number]);
  t.same(await numbers('?unit=housing-bureau'), [a.number], 'a co-handling unit');
  t.same(await numbers('?unit=social-security'), [c.number], 'a responsible unit from the form');
  t.same(await numbers('?from=2026-11-24&to=2026-11-30'), [b.number, c.number, d.number], 'whole China days');
  t.same(await numbers('?to=2026-11-29'), [a.number, b.number]);
  t.same(await numbers('?region=puyang&from=2026-11-24T00:00:00%2B08:00&to=2026-11-30T09:00:00%2B08:00'), [b.number], '[from, to)');
  const page = (await ctx.app.inject({ method: 'GET', url: '/api/ledger?firstResult=1&maxResults=2' })).json();
  t.match(page, { total: 4, firstResult: 1, maxResults: 2 });
  t.same(page.items.map((i: { row: { 序号: number } }) => i.row.序号), [2, 3], '序号 counts across pages');
});

t.test('bad queries are 400s naming the parameter', async (t) => {
  for (const [query, parameter] of [
    ['?from=2026-02-30', 'from'],
    ['?from=2026-11-30&to=2026-11-01', 'to'],
    ['?to=yesterday', 'to'],
    ['?maxResults=0', 'maxResults'],
    ['?maxResults=501', 'maxResults'],
    ['?firstResult=-1', 'firstResult'],
    ['?format=pdf', 'format'],
    ['?region=', 'region'],
  ] as const) {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/ledger${query}` });
    t.equal(res.statusCode, 400, `${query}: ${res.body}`);
    t.match(res.json().message, new RegExp(parameter), query);
  }
  const res = await ctx.app.inject({ method: 'GET', url: '/api/ledger.xlsx?from=2026-13-01' });
  t.equal(res.statusCode, 400, 'a download is refused before its first byte');
});

t.test('xlsx: ExcelJS reads it back; headers are annex 3, one row per order, every cell', async (t) => {
  for (const url of ['/api/ledger.xlsx', '/api/ledger?format=xlsx']) {
    const res = await ctx.app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 200, url);
    t.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    t.match(res.headers['content-disposition'], /attachment; filename="ledger.xlsx"; filename\*=UTF-8''%E5%B7%A5%E4%BD%9C%E5%8F%B0%E8%B4%A6.xlsx/);
    const { sheet, rows } = await readXlsx(res.rawPayload);
    t.equal(sheet, '工作台账');
    t.same(rows[0], [...LEDGER_COLUMNS], `${url}: header row`);
    t.equal(rows.length, 1 + expected.length, 'one row per order');
    expected.forEach((cells, i) => t.same(rows[i + 1], [Number(cells[0]), ...cells.slice(1)], `${url}: row ${i + 1}`));
  }
  const filtered = await readXlsx((await ctx.app.inject({ method: 'GET', url: '/api/ledger.xlsx?region=huojia' })).rawPayload);
  t.same(filtered.rows.slice(1), [[1, ...expected[3]!.slice(1)]], 'filters apply to exports; 序号 restarts');
});

t.test('csv: UTF-8 with BOM, annex 3 headers, every cell', async (t) => {
  const res = await ctx.app.inject({ method: 'GET', url: '/api/ledger.csv' });
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
  t.same([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM');
  const records = parseCsv(res.rawPayload.toString('utf8').slice(1));
  t.same(records[0], [...LEDGER_COLUMNS]);
  t.same(records.slice(1), expected);
});

t.test('exports read in keyset pages: every row once, in order, whatever the page size', async (t) => {
  for (const size of [1, 2, 3, 4, 5]) {
    const seen: Array<[number, string]> = [];
    for await (const row of ctx.services.ledger.rows({}, size)) seen.push([row.序号, row.备注.split('工单编号 ')[1]!]);
    t.same(seen, [a, b, c, d].map((o, i) => [i + 1, o.number]), `page size ${size}`);
  }
});

t.test('whose ledger: the user\'s scope limits the rows, the role masks requesters (JSON and downloads alike)', async (t) => {
  await ctx.createUnit({ id: 'huojia-audit', name: '获嘉县审计', regionId: 'huojia' });
  await ctx.createUnit({ id: 'roads', name: '濮阳县交通局', regionId: 'puyang' });
  const auditor = await ctx.createUser({ username: 'hj-auditor', unitId: 'huojia-audit', roles: ['auditor'] });
  const handler = await ctx.createUser({ username: 'roads-handler', unitId: 'roads', roles: ['handler'] });
  const read = async (headers: { authorization: string }, query = '') => {
    const res = await ctx.rawInject({ method: 'GET', url: `/api/ledger${query}`, headers });
    t.equal(res.statusCode, 200, res.body);
    return res.json() as { total: number; items: Array<{ number: string; row: Record<string, unknown> }> };
  };

  const own = await read(auditor.headers);
  t.same(own.items.map((i) => i.number), [d.number], 'a region-bound auditor reads its region only');
  t.equal((await read(auditor.headers, '?region=puyang')).total, 0, 'asking for another region finds nothing');
  t.match(own.items[0]!.row, { 姓名或单位名称: '钱*', 联系方式: '138****5678' }, 'an auditor sees requesters masked');
  const csv = await ctx.rawInject({ method: 'GET', url: '/api/ledger.csv', headers: auditor.headers });
  const records = parseCsv(csv.rawPayload.toString('utf8').slice(1));
  t.same(records.slice(1).map((r) => [r[1], r[3]]), [['钱*', '138****5678']], 'the download is masked and limited the same way');
  const xlsx = await readXlsx((await ctx.rawInject({ method: 'GET', url: '/api/ledger.xlsx', headers: auditor.headers })).rawPayload);
  t.same(xlsx.rows.slice(1).map((r) => [r[1], r[3]]), [['钱*', '138****5678']]);

  const unit = await read(handler.headers);
  t.same(unit.items.map((i) => i.number), [b.number], 'a handler reads the orders of its unit');
  t.match(unit.items[0]!.row, { 姓名或单位名称: '王五', 联系方式: '13900001111' }, 'a handler sees the requester of a complaint it handles');

  const all = (await ctx.app.inject({ method: 'GET', url: '/api/ledger' })).json();
  t.equal(all.total, 4, 'an administrator reads every region, unmasked');
  t.equal(all.items[0].row.联系方式, '0393-8881234');
});

t.test('statistics count the user\'s region only', async (t) => {
  const headers = await ctx.login('hj-auditor', 'password-hj-auditor');
  const figures = async (query: string) => {
    const res = await ctx.rawInject({ method: 'GET', url: `/api/stats/figures${query}`, headers });
    t.equal(res.statusCode, 200, res.body);
    return res.json().groups as Array<{ key: string | null; received: number }>;
  };
  const region = await figures('?groupBy=region');
  t.same(region.map((g) => g.key), ['huojia'], 'grouped by region: only its own');
  t.equal((await figures('?region=puyang'))[0]?.received ?? 0, 0, 'another region counts nothing');
  const hot = (await ctx.rawInject({ method: 'GET', url: '/api/stats/hot-topics', headers })).json();
  t.same(hot.categories.map((c: { count: number }) => c.count), [1], 'hot topics of its region');
  const admin = (await ctx.app.inject({ method: 'GET', url: '/api/stats/figures?groupBy=region' })).json();
  t.same(admin.groups.map((g: { key: string }) => g.key).sort(), ['huojia', 'puyang'], 'an administrator counts every region');
});
