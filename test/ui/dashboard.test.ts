import t, { type Test } from 'tap';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { startConsole } from './support/browser.js';
import { insertOrders, type SyntheticOrder } from '../support/synthetic-orders.js';
import { formatDuration } from '../../src/ui/shared/format.js';

// The dashboard and the ledger show exactly what /api/stats and /api/ledger answer. Orders are
// written with known facts (test/support/synthetic-orders.ts) over three months and two
// regions; the service clock is fixed at Mon 2026-11-23 09:00 China time, so 本年 is 2026,
// 本季度 October–December, and the ranking's month November, whatever the wall clock says.
const ui = await startConsole(t);
if (ui) {
  const NOW = new Date('2026-11-23T09:00:00+08:00');
  ui.ctx.clock.set(NOW);
  await ui.ctx.services.regions.ensureRegion('puyang', '濮阳县');
  await ui.ctx.services.regions.ensureRegion('huojia', '获嘉县');
  const UNITS = { water: '县水务局', roads: '县交通运输局', power: '县供电公司', 'hj-water': '获嘉县水务局' } as const;
  for (const [id, name] of Object.entries(UNITS)) await ui.ctx.createUnit({ id, name, regionId: id.startsWith('hj-') ? 'huojia' : 'puyang' });
  await insertOrders(ui.ctx.services.database.dataSource, syntheticOrders());
  const auditor = await ui.ctx.createUser({ username: 'shenji', roles: ['auditor'], displayName: '审计员' });

  const apiGet = async <T>(path: string): Promise<T> => {
    const res = await ui.rawFetch(path, { headers: auditor.headers });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  t.test('every chart and its table show the figures of /api/stats; a new filter reloads them', async (t) => {
    const page = await ui.signIn('shenji', 'password-shenji');
    await page.goto('/#/dashboard');
    await page.getByLabel('区域').selectOption({ label: '濮阳县' });
    await page.getByRole('button', { name: '本年' }).click();
    await expectDashboard(t, page, { region: 'puyang', from: '2026-01-01', to: '2026-12-31', month: '2026-11' });
    await page.mouse.move(0, 0);
    await ui.screenshot(page, 'dashboard');
    await page.getByRole('region', { name: '热点高频词' }).scrollIntoViewIfNeeded();
    await ui.screenshot(page, 'dashboard-lower');

    await page.getByRole('button', { name: '本季度' }).click();
    await expectDashboard(t, page, { region: 'puyang', from: '2026-10-01', to: '2026-12-31', month: '2026-11' });

    await page.getByLabel('区域').selectOption({ label: '获嘉县' });
    await page.getByLabel('起始月份').fill('2026-09');
    await page.getByLabel('截止月份').fill('2026-10');
    await expectDashboard(t, page, { region: 'huojia', from: '2026-09-01', to: '2026-10-31', month: '2026-10' });

    await page.getByLabel('起始月份').fill('2025-01');
    await page.getByLabel('截止月份').fill('2025-02');
    await page.getByText('所选区域和时段内没有工单').first().waitFor();
    t.equal(await page.locator('.headline .tile').first().locator('dd').innerText(), '0', 'a period without orders: 受理量 0, not an error');

    const title = await page.getByRole('term').filter({ hasText: '满意率' }).locator('..').getAttribute('title');
    t.match(title, /基本满意/, 'a rate\'s definition is shown on hover');
  });

  t.test('the ledger shows /api/ledger\'s rows for the filter, and 导出 Excel downloads all of them', async (t) => {
    const page = await ui.signIn('shenji', 'password-shenji');
    await page.goto('/#/ledger');
    await page.getByLabel('区域').selectOption({ label: '濮阳县' });
    await page.getByRole('button', { name: '本年' }).click();
    const query = 'region=puyang&from=2026-01-01&to=2026-12-31';
    const first = await apiGet<LedgerAnswer>(`/api/ledger?${query}&firstResult=0&maxResults=20`);
    t.ok(first.total > 20, 'more than one page');
    await expectLedger(t, page, first);
    await ui.screenshot(page, 'ledger');

    await page.getByRole('button', { name: '下一页' }).click();
    await expectLedger(t, page, await apiGet<LedgerAnswer>(`/api/ledger?${query}&firstResult=20&maxResults=20`));

    await page.getByLabel('承办单位').selectOption({ label: '县水务局' });
    const water = await apiGet<LedgerAnswer>(`/api/ledger?${query}&unit=water&firstResult=0&maxResults=20`);
    t.ok(water.total > 0 && water.total < first.total, 'the unit filter narrows the ledger');
    await expectLedger(t, page, water);
    await page.getByLabel('承办单位').selectOption({ label: '全部单位' });
    await expectLedger(t, page, first);

    const dir = await mkdtemp(join(tmpdir(), 'ledger-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    t.equal(download.suggestedFilename(), '工作台账-濮阳县-2026-01至2026-12.xlsx');
    const file = join(dir, 'ledger.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('工作台账');
    t.ok(sheet, 'a real workbook with the 工作台账 sheet');
    const values = (r: number) => (sheet!.getRow(r).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    t.same(values(1), first.columns, 'the header row is the annex\'s columns');
    t.equal(sheet!.actualRowCount - 1, first.total, 'as many rows as the API\'s total');
    t.same(values(2), first.columns.map((c) => String(first.items[0]!.row[c] ?? '')), 'the first row as the API gives it');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    t.equal(csv.suggestedFilename(), '工作台账-濮阳县-2026-01至2026-12.csv');
  });

  t.test('a region-bound auditor gets only its region', async (t) => {
    await ui.ctx.createUser({ username: 'hj-shenji', roles: ['auditor'], unitId: 'hj-water' });
    // The browser believes it is June 2031: 本月 must still be the service's November 2026.
    const page = await ui.newPage();
    await page.clock.install({ time: new Date('2031-06-15T12:00:00+08:00') });
    await page.goto('/');
    await page.getByLabel('用户名').fill('hj-shenji');
    await page.getByLabel('密码').fill('password-hj-shenji');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('whoami').waitFor();
    t.equal(await page.evaluate('new Date().getFullYear()'), 2031, 'the browser\'s clock is off');
    await page.getByRole('button', { name: '本月', pressed: true }).waitFor();
    const region = page.getByLabel('区域');
    t.ok(await region.isDisabled(), 'the region cannot be changed');
    await region.locator('option').first().waitFor({ state: 'attached' });
    t.same(await region.locator('option').allInnerTexts(), ['获嘉县']);
    await expectDashboard(t, page, { region: 'huojia', from: '2026-11-01', to: '2026-11-30', month: '2026-11' });
  });

  interface Filter {
    region: string;
    from: string;
    to: string;
    month: string;
  }

  /** What the page must show for a filter, computed from the API's answers with the auditor's token. */
  async function expectedDashboard(f: Filter) {
    const q = `region=${f.region}&from=${f.from}&to=${f.to}`;
    const [total, byMonth, byUnit, ranking, topics] = await Promise.all([
      apiGet<{ groups: Figures[] }>(`/api/stats/figures?${q}&groupBy=none`),
      apiGet<{ groups: Figures[] }>(`/api/stats/figures?${q}&groupBy=month`),
      apiGet<{ groups: Figures[] }>(`/api/stats/figures?${q}&groupBy=unit`),
      apiGet<{ units: Array<{ rank: number; unit: string; score: number; figures: Figures }> }>(`/api/stats/ranking?region=${f.region}&month=${f.month}`),
      apiGet<{ categories: Array<{ name: string; count: number }>; words: Array<{ word: string; orders: number }> }>(`/api/stats/hot-topics?${q}&limit=10`),
    ]);
    const all = total.groups[0]!;
    const unit = (id: string | null) => (id === null ? '未分办' : UNITS[id as keyof typeof UNITS]);
    const overdue = [...byUnit.groups].sort((a, b) => b.overdue - a.overdue);
    const chart = (labels: string[], datasets: Array<[string, Array<number | null>]>) => ({ labels, datasets: datasets.map(([label, data]) => ({ label, data })) });
    const panels = {
      '办结率、按时办结率、满意率（按月）': {
        rows: byMonth.groups.map((g) => [g.key!, String(g.received), percent(g.completionRate), percent(g.onTimeRate), percent(g.satisfactionRate)]),
        chart: chart(byMonth.groups.map((g) => g.key!), [
          ['办结率', byMonth.groups.map((g) => g.completionRate)],
          ['按时办结率', byMonth.groups.map((g) => g.onTimeRate)],
          ['满意率', byMonth.groups.map((g) => g.satisfactionRate)],
        ]),
      },
      各单位超期件数: {
        rows: overdue.map((g) => [unit(g.key), String(g.received), String(g.overdue), g.overdueAverageSeconds === null ? '—' : formatDuration(g.overdueAverageSeconds * 1000)]),
        chart: chart(overdue.map((g) => unit(g.key)), [['超期件数', overdue.map((g) => g.overdue)]]),
      },
      [`单位月排名（${f.month}）`]: {
        rows: ranking.units.map((r) => [String(r.rank), unit(r.unit), r.score.toFixed(2), percent(r.figures.satisfactionRate), percent(r.figures.onTimeRate), percent(r.figures.completionRate)]),
        chart: chart(ranking.units.map((r) => unit(r.unit)), [['得分', ranking.units.map((r) => r.score)]]),
      },
      热点诉求类别: {
        rows: topics.categories.map((c) => [c.name, String(c.count)]),
        chart: chart(topics.categories.map((c) => c.name), [['件数', topics.categories.map((c) => c.count)]]),
      },
      热点高频词: {
        rows: topics.words.map((w) => [w.word, String(w.orders)]),
        chart: chart(topics.words.map((w) => w.word), [['件数', topics.words.map((w) => w.orders)]]),
      },
    };
    const headline = {
      受理量: String(all.received),
      办结率: percent(all.completionRate),
      按时办结率: percent(all.onTimeRate),
      满意率: percent(all.satisfactionRate),
      及时转办率: percent(all.dispatchRate),
      超期件数: String(all.overdue),
      平均超期时长: all.overdueAverageSeconds === null ? '—' : formatDuration(all.overdueAverageSeconds * 1000),
    };
    return { headline, panels, sizes: { months: byMonth.groups.length, units: byUnit.groups.length, ranked: ranking.units.length, words: topics.words.length } };
  }

  async function expectDashboard(t: Test, page: Page, f: Filter) {
    const { headline, panels, sizes } = await expectedDashboard(f);
    t.ok(sizes.months > 0 && sizes.units > 0 && sizes.ranked > 0 && sizes.words > 0, `the ${f.region} ${f.from}…${f.to} figures are not empty`);
    const expected = { headline, panels };
    // Poll until the page shows this filter's answers (the charts reload in place).
    await page.waitForFunction(`JSON.stringify(${READ_DASHBOARD}) === ${JSON.stringify(JSON.stringify(expected))}`).catch(() => undefined);
    t.same(await page.evaluate(READ_DASHBOARD), expected, `dashboard of ${f.region} ${f.from}…${f.to}: tables and charts equal the API`);
  }

  async function expectLedger(t: Test, page: Page, answer: LedgerAnswer) {
    const expected = {
      headers: answer.columns,
      rows: answer.items.map((i) => answer.columns.map((c) => String(i.row[c] ?? ''))),
      pager: `第 ${answer.firstResult / 20 + 1} / ${Math.ceil(answer.total / 20)} 页，共 ${answer.total} 条`,
    };
    await page.waitForFunction(`JSON.stringify(${READ_LEDGER}) === ${JSON.stringify(JSON.stringify(expected))}`).catch(() => undefined);
    t.same(await page.evaluate(READ_LEDGER), expected, `ledger rows ${answer.firstResult + 1}… of ${answer.total} equal the API's`);
  }
}

interface Figures {
  key: string | null;
  received: number;
  overdue: number;
  overdueAverageSeconds: number | null;
  dispatchRate: number | null;
  completionRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

interface LedgerAnswer {
  columns: string[];
  total: number;
  firstResult: number;
  items: Array<{ row: Record<string, string | number> }>;
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(2)}%`;
}

// Page-side readers, as expressions (strings, so no transpiler helper leaks into the browser).
// The charts' datasets come from each canvas's data-chart, which chart.js's afterUpdate writes
// from the chart instance itself (src/ui/dashboard/chart-setup.ts).
const READ_DASHBOARD = `(() => {
  const panels = {};
  for (const s of document.querySelectorAll('section.chart-panel')) {
    if (s.getAttribute('aria-busy') !== 'false') return null;
    const canvas = s.querySelector('canvas');
    panels[s.querySelector('caption').textContent] = {
      rows: [...s.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent)),
      chart: canvas.getAttribute('aria-label') === s.querySelector('h2').textContent + '图表' ? JSON.parse(canvas.dataset.chart || 'null') : 'no aria-label',
    };
  }
  const headline = {};
  for (const tile of document.querySelectorAll('.headline > div')) headline[tile.querySelector('dt').textContent] = tile.querySelector('dd').textContent;
  return { headline, panels };
})()`;

const READ_LEDGER = `(() => {
  const table = document.querySelector('table.ledger-table');
  if (!table || table.closest('[aria-busy="true"]')) return null;
  return {
    headers: [...table.querySelectorAll('thead th')].map((th) => th.textContent),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((td) => td.textContent)),
    pager: document.querySelector('.pager span').textContent,
  };
})()`;

/**
 * 30 orders of 濮阳县 over September–November 2026 across three units (and one not yet
 * dispatched), each status, on time and late, rated and not; 6 of 获嘉县.
 */
function syntheticOrders(): SyntheticOrder[] {
  const at = (month: string, day: number, hours = 9) => new Date(`2026-${month}-${String(day).padStart(2, '0')}T${String(hours).padStart(2, '0')}:00:00+08:00`);
  const plus = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);
  const contents = ['小区供水管道破裂漏水', '道路坑洼积水，路灯不亮', '停电抢修不及时', '自来水停水三天没有通知', '路灯损坏夜间出行不便', '咨询水费缴纳方式'];
  const categories = ['complaint', 'help', 'consultation', 'report', 'suggestion'];
  const satisfactions = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const;
  const orders: SyntheticOrder[] = [];
  const add = (region: string, i: number, units: readonly string[]) => {
    const month = ['09', '10', '11'][i % 3]!;
    const requestedAt = at(month, 1 + (i % 20));
    const dueAt = plus(requestedAt, 3);
    const kind = i % 6;
    const base = {
      number: `${region === 'puyang' ? 'PY' : 'HJ'}${String(i + 1).padStart(3, '0')}`,
      region,
      requestedAt,
      category: categories[i % 5]!,
      channel: 'hotline',
      content: contents[i % contents.length]!,
      requesterName: `群众${i + 1}`,
      handlingUnit: units[Math.floor(i / 3) % units.length]!,
      dispatchedAt: plus(requestedAt, i % 4 === 0 ? 1.5 : 0.05),
      dueAt,
    };
    if (i === 7) orders.push({ ...base, status: 'dispatching', handlingUnit: null, dispatchedAt: null, dueAt: null });
    else if (kind === 0) orders.push({ ...base, status: 'closed', completedAt: plus(requestedAt, 2), callbackAt: plus(requestedAt, 2.5), satisfaction: satisfactions[i % 3] });
    else if (kind === 1) orders.push({ ...base, status: 'closed', completedAt: plus(requestedAt, 5), callbackAt: plus(requestedAt, 6), satisfaction: satisfactions[(i + 1) % 3], reminderCount: 1, remindedAt: plus(requestedAt, 3.5) });
    else if (kind === 2) orders.push({ ...base, status: 'callback', completedAt: plus(requestedAt, 1) });
    else if (kind === 3) orders.push({ ...base, status: 'handling', extensionCount: i % 2 });
    else if (kind === 4) orders.push({ ...base, status: 'reviewing', completedAt: plus(requestedAt, 4) });
    else orders.push({ ...base, status: 'cancelled', dispatchedAt: null, dueAt: null });
  };
  for (let i = 0; i < 30; i++) add('puyang', i, ['water', 'roads', 'power']);
  for (let i = 0; i < 6; i++) add('huojia', i, ['hj-water']);
  return orders;
}
