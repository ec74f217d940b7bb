import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { insertOrders, type SyntheticOrder } from '../support/synthetic-orders.js';

// Every figure of docs/statistics.md on a small data set with answers worked out by hand.
// Rows are written with known facts (test/support/synthetic-orders.ts says why); "now" is
// Tue 2026-12-01 09:00 +08:00. The week of the report is Mon 16 – Sun 22 Nov 2026.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
await ctx.services.regions.ensureRegion('puyang', '濮阳县');
await ctx.services.regions.ensureRegion('huojia', '获嘉县');
ctx.clock.set(new Date('2026-12-01T09:00:00+08:00'));

const at = (day: string, hhmm: string) => new Date(`2026-11-${day}T${hhmm}:00+08:00`);
const order = (number: string, o: Omit<SyntheticOrder, 'number' | 'region'> & { region?: string }): SyntheticOrder => ({ region: 'puyang', ...o, number });
const orders = [
  // water: late, late, late, on time, late (open) → 3 in a row.
  order('W1', { requestedAt: at('16', '09:00'), category: 'complaint', channel: 'hotline', content: '小区供水管道破裂漏水', status: 'closed', handlingUnit: 'water', dispatchedAt: at('16', '09:30'), dueAt: at('18', '18:00'), completedAt: at('19', '18:00'), satisfaction: 'satisfied' }),
  order('W2', { requestedAt: at('16', '10:00'), category: 'complaint', channel: 'hotline', content: '自来水停水三天没有通知', status: 'closed', handlingUnit: 'water', dispatchedAt: at('17', '12:00'), dueAt: at('19', '18:00'), completedAt: at('20', '06:00'), satisfaction: 'unsatisfied' }),
  order('W3', { requestedAt: at('17', '09:00'), category: 'help', channel: 'wechat', content: '供水压力不足，高层停水', status: 'callback', handlingUnit: 'water', dispatchedAt: at('17', '09:20'), dueAt: at('20', '18:00'), completedAt: at('21', '00:00') }),
  order('W4', { requestedAt: at('17', '10:00'), category: 'consultation', channel: 'online', content: '咨询水费缴纳方式', status: 'callback', handlingUnit: 'water', dispatchedAt: at('17', '10:30'), dueAt: at('21', '18:00'), completedAt: at('21', '12:00') }),
  order('W5', { requestedAt: at('18', '09:00'), category: 'complaint', channel: 'hotline', content: '水管漏水维修不及时', status: 'handling', handlingUnit: 'water', dispatchedAt: at('18', '09:30'), dueAt: at('24', '18:00'), returnCount: 1, extensionCount: 1 }),
  // roads: on time twice, one cancelled.
  order('R1', { requestedAt: at('18', '14:00'), category: 'complaint', channel: 'hotline', content: '路灯损坏夜间出行不便', status: 'closed', handlingUnit: 'roads', dispatchedAt: at('18', '14:30'), dueAt: at('20', '18:00'), completedAt: at('20', '10:00'), satisfaction: 'satisfied', redoCount: 1 }),
  order('R2', { requestedAt: at('19', '09:00'), category: 'report', channel: 'hotline', content: '举报道路违章占道经营', status: 'cancelled', handlingUnit: 'roads' }),
  order('R3', { requestedAt: at('20', '09:00'), category: 'complaint', channel: 'website', content: '道路坑洼积水，路灯不亮', status: 'reviewing', handlingUnit: 'roads', dispatchedAt: at('20', '09:30'), dueAt: at('27', '18:00'), completedAt: at('26', '10:00') }),
  // not yet dispatched to anyone.
  order('U1', { requestedAt: at('21', '09:00'), category: 'suggestion', channel: 'mailbox', content: '建议增设公交站点', status: 'dispatching' }),
  // the next week, and another region.
  order('P1', { requestedAt: at('23', '09:00'), category: 'help', channel: 'hotline', content: '停电抢修，供电恢复', status: 'closed', handlingUnit: 'power', dispatchedAt: at('23', '09:10'), dueAt: at('25', '18:00'), completedAt: at('24', '18:00'), satisfaction: 'satisfied' }),
  order('X1', { region: 'huojia', requestedAt: at('17', '09:00'), category: 'complaint', channel: 'hotline', content: '小区供水管道漏水', status: 'closed', handlingUnit: 'water', dispatchedAt: at('17', '09:30'), dueAt: at('19', '18:00'), completedAt: at('19', '20:00'), satisfaction: 'unsatisfied' }),
];
await insertOrders(ctx.services.database.dataSource, orders);

const get = async (url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const week = 'region=puyang&from=2026-11-16&to=2026-11-22';

t.test('figures of the week: counts, durations and rates', async (t) => {
  const { groups, dispatchLimitHours } = await get(`/api/stats/figures?${week}`);
  t.equal(dispatchLimitHours, 24);
  t.same(groups, [{
    key: null, received: 9, cancelled: 1, dispatched: 7, dispatchedOnTime: 6, completed: 6, completedOnTime: 3, closed: 3,
    overdue: 4, overdueSeconds: 86400 + 43200 + 21600 + 572400, overdueAverageSeconds: 180900,
    rated: 3, satisfied: 2, unsatisfied: 1, returns: 1, extensions: 1, redos: 1,
    dispatchRate: 0.75, completionRate: 0.75, onTimeRate: 0.375, satisfactionRate: 0.6667, unsatisfiedRate: 0.3333, unfinishedRate: 0.25,
  }], 'W2 dispatched 25h50m after registration is late; W5 is open and 6 days 15 hours overdue at now; R2 (cancelled) counts only as received');
});

t.test('per unit and per region', async (t) => {
  const { groups } = await get(`/api/stats/figures?${week}&groupBy=unit`);
  t.same(groups.map((g: { key: string | null }) => g.key), [null, 'roads', 'water']);
  t.match(groups[0], { received: 1, dispatched: 0, completionRate: 0, satisfactionRate: null }, 'not yet dispatched');
  t.match(groups[1], { received: 3, cancelled: 1, dispatched: 2, dispatchedOnTime: 2, completed: 2, completedOnTime: 2, closed: 1, overdue: 0, overdueAverageSeconds: null, rated: 1, redos: 1, completionRate: 1, onTimeRate: 1, satisfactionRate: 1, unfinishedRate: 0 });
  t.match(groups[2], { received: 5, dispatched: 5, dispatchedOnTime: 4, completed: 4, completedOnTime: 1, closed: 2, overdue: 4, overdueSeconds: 723600, rated: 2, satisfied: 1, unsatisfied: 1, returns: 1, extensions: 1, dispatchRate: 0.8, completionRate: 0.8, onTimeRate: 0.2, satisfactionRate: 0.5, unfinishedRate: 0.2 });
  const water = (await get(`/api/stats/figures?${week}&unit=water`)).groups;
  t.same(water.map((g: { received: number }) => g.received), [5], 'the unit filter');
  const regions = (await get('/api/stats/figures?from=2026-11-16&to=2026-11-22&groupBy=region')).groups;
  t.same(regions.map((g: { key: string; received: number }) => [g.key, g.received]), [['huojia', 1], ['puyang', 9]]);
  t.match(regions[0], { overdue: 1, overdueSeconds: 7200, completionRate: 1, onTimeRate: 0, satisfactionRate: 0 });
  const months = (await get('/api/stats/figures?region=puyang&groupBy=month')).groups;
  t.same(months.map((g: { key: string; received: number }) => [g.key, g.received]), [['2026-11', 10]]);
});

t.test('monthly ranking: satisfaction 50, on time 30, completion 20', async (t) => {
  const ranking = await get('/api/stats/ranking?month=2026-11&region=puyang');
  t.same(ranking.weights, { satisfactionRate: 50, onTimeRate: 30, completionRate: 20 });
  t.same(ranking.units.map((u: { rank: number; unit: string; score: number }) => [u.rank, u.unit, u.score]), [
    [1, 'roads', 100],
    [1, 'power', 100],
    [3, 'water', 47], // 0.5 × 50 + 0.2 × 30 + 0.8 × 20
  ], 'equal scores share a rank; more orders first');
});

t.test('hot topics: categories and words by number of orders', async (t) => {
  const hot = await get(`/api/stats/hot-topics?${week}&limit=4`);
  t.same(hot.categories, [
    { code: 'complaint', name: '投诉', count: 5 },
    { code: 'consultation', name: '咨询', count: 1 },
    { code: 'help', name: '求助', count: 1 },
    { code: 'report', name: '举报', count: 1 },
    { code: 'suggestion', name: '建议', count: 1 },
  ]);
  t.same(hot.words, [{ word: '供水', orders: 2 }, { word: '漏水', orders: 2 }, { word: '路灯', orders: 2 }, { word: '停水', orders: 2 }], 'ties in pinyin order');
});

t.test('获嘉 accountability: 3 in a row or 5 in all', async (t) => {
  const { units } = await get('/api/stats/accountability?region=puyang');
  t.same(units.map((u: { unit: string }) => u.unit), ['water', 'power', 'roads'], 'flagged first');
  t.match(units[0], { unit: 'water', judged: 5, overdue: 4, longestRun: 3, currentRun: 1, flagged: true, reasons: ['consecutive'], overdueOrders: ['W1', 'W2', 'W3', 'W5'] });
  t.match(units[2], { unit: 'roads', judged: 2, overdue: 0, flagged: false }, 'R2 cancelled has no verdict');
  const before = (await get('/api/stats/accountability?region=puyang&to=2026-11-16')).units;
  t.same(before.map((u: { unit: string; longestRun: number; flagged: boolean }) => [u.unit, u.longestRun, u.flagged]), [['water', 2, false]], 'period of request');
});

t.test('weekly report (seed 000): JSON and Markdown', async (t) => {
  const report = await get('/api/stats/weekly-report?week=2026-11-18&region=puyang');
  t.match(report, {
    title: '一周受理情况报告',
    region: 'puyang',
    week: { from: '2026-11-16', to: '2026-11-22' },
    intake: { received: 9 },
    handling: { completed: 6, overdue: 4, completionRate: 0.75 },
    callback: { rated: 3, satisfied: 2, unsatisfied: 1, satisfactionRate: 0.6667 },
    attention: { unfinished: [{ unit: 'water', rate: 0.2, open: 1 }], unsatisfied: [{ unit: 'water', rate: 0.5, unsatisfied: 1 }] },
  });
  t.same(report.intake.byChannel.map((c: { name: string; count: number }) => [c.name, c.count]), [['12345热线电话', 5], ['县长信箱', 1], ['12345网络平台', 1], ['政府网站', 1], ['12345微信公众号', 1]]);
  t.same(report.hotTopics.words.slice(0, 4).map((w: { word: string }) => w.word), ['供水', '漏水', '路灯', '停水']);
  t.same(report.accountability.map((a: { unit: string }) => a.unit), ['water']);
  const res = await ctx.app.inject({ method: 'GET', url: '/api/stats/weekly-report?week=2026-11-22&region=puyang&format=markdown' });
  t.equal(res.headers['content-type'], 'text/markdown; charset=utf-8');
  const text = res.body;
  for (const line of [
    '# puyang 一周受理情况报告',
    '统计周期：2026-11-16 至 2026-11-22（按诉求反映时间）　生成时间：2026-12-01 09:00',
    '本周共受理诉求 9 件（其中撤销 1 件）。',
    '- 分办转办 7 件，及时转办 6 件，及时转办率 75.00%',
    '- 办结 6 件，办结率 75.00%；按时办结 3 件，按时办结率 37.50%',
    '- 超期 4 件，累计超期 8天9小时，平均 2天2小时15分钟',
    '回访 3 件，满意（含基本满意）2 件，不满意 1 件，满意率 66.67%。',
    '- 未办结率：water 20.00%（未办结 1 件）',
    '- 诉求类别：投诉 5 件，咨询 1 件，求助 1 件，举报 1 件，建议 1 件',
    '- water：连续逾期 3 件，单位主要领导应在县政府常务会议上专题汇报（W1、W2、W3、W5）',
  ]) t.ok(text.includes(line), line);
});

t.test('bad parameters are 400s naming them', async (t) => {
  for (const [url, parameter] of [
    ['/api/stats/figures?groupBy=street', 'groupBy'],
    ['/api/stats/figures?from=2026-11-31', 'from'],
    ['/api/stats/ranking?month=2026-13', 'month'],
    ['/api/stats/ranking', 'month'],
    ['/api/stats/hot-topics?limit=0', 'limit'],
    ['/api/stats/weekly-report?week=2026-02-30', 'week'],
    ['/api/stats/weekly-report?week=2026-11-18&format=docx', 'format'],
    ['/api/stats/accountability?to=soon', 'to'],
  ] as const) {
    const res = await ctx.app.inject({ method: 'GET', url });
    t.equal(res.statusCode, 400, url);
    t.match(res.json().message, new RegExp(parameter), url);
  }
});
