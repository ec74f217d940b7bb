import t from 'tap';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pino } from 'pino';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import { startConsole, TEST_ADMIN_PASSWORD } from './support/browser.js';
import { BUILTIN_REGIONS, deploySchemes } from '../../src/regions/index.js';

// The console's own lint config and comparison, run here on the shipped schemes. Imported by
// path, as browser.ts does build.mjs: src/ui is browser code with its own tsconfig, which the
// root typecheck leaves out; so are the untyped bpmnlint and bpmn-moddle.
type LintReports = Record<string, Array<{ id: string; category: string }>>;
const { Linter } = (await import('bpmnlint' as string)) as { Linter: new (config: object) => { lint(root: object): Promise<LintReports> } };
const { BpmnModdle } = (await import('bpmn-moddle' as string)) as { BpmnModdle: new (ext: object) => { fromXML(xml: string): Promise<{ rootElement: object }> } };
const { packedLintConfig } = (await import('../../src/ui/admin/processes/lint-config.js' as string)) as { packedLintConfig: object };
const { compareVersions } = (await import('../../src/ui/admin/processes/diff-model.js' as string)) as { compareVersions: (a: string, b: string) => Promise<unknown[]> };

const SCHEMES = ['puyang', 'pingdingshan', 'huojia', 'xiangtan', 'kaifeng'];
const scheme = (name: string) => readFileSync(resolve('processes', `${name}.bpmn`), 'utf8');
const NEW_TIMER = '${addWorkingDays(1, dueAt)}';

async function lint(xml: string) {
  const { rootElement } = await new BpmnModdle({ camunda }).fromXML(xml);
  // One linter per diagram, as bpmn-js-bpmnlint does: some rules keep state between nodes.
  const results = await new Linter(packedLintConfig).lint(rootElement);
  return Object.entries(results).flatMap(([rule, reports]) => reports.map((r) => ({ rule, ...r })));
}

t.test('the console\'s lint config passes the five shipped schemes and catches what the service needs', async (t) => {
  for (const name of SCHEMES) t.same((await lint(scheme(name))).filter((i) => i.category === 'error'), [], `${name}: no lint errors`);
  const broken = scheme('puyang').replace('${dueAt}</bpmn:timeDate>', '</bpmn:timeDate>').replace(' camunda:candidateGroups="hotline-office" camunda:dueDate', ' camunda:dueDate');
  const errors = (await lint(broken)).filter((i) => i.category === 'error').map((i) => [i.rule, i.id]);
  t.same(errors.sort(), [['suqiu/timer-definition', 'Overdue'], ['suqiu/user-task-performer', 'ApproveExt']]);
});

t.test('the comparison names a timer whose expression changed, with old and new value', async (t) => {
  const changed = scheme('puyang').replace('${dueAt}</bpmn:timeDate>', `${NEW_TIMER}</bpmn:timeDate>`);
  t.same(await compareVersions(scheme('puyang'), changed), [
    { id: 'Overdue', name: '超期未办结', type: 'bpmn:BoundaryEvent', kind: 'changed', attributes: [{ path: 'eventDefinitions[0].timeDate.body', oldValue: '${dueAt}', newValue: NEW_TIMER }] },
  ]);
});

const ui = await startConsole(t);
if (ui) {
  const { ctx } = ui;
  await deploySchemes({
    regions: BUILTIN_REGIONS.filter((r) => r.id === 'puyang'),
    processesDir: resolve('processes'),
    deployments: ctx.services.deployments,
    definitions: ctx.services.definitions,
    regionService: ctx.services.regions,
    logger: pino({ level: 'silent' }),
  });
  const get = async <T>(url: string): Promise<T> => (await ctx.app.inject({ method: 'GET', url })).json() as T;
  type Def = { id: string; version: number };
  type RegionDto = { id: string; active: { definitionVersion: number } | null };
  const activeVersion = async () => (await get<RegionDto[]>('/api/regions')).find((r) => r.id === 'puyang')?.active?.definitionVersion;

  t.test('an administrator edits a timer in the modeler and deploys; the new version is listed, compared, activated and rolled back', async (t) => {
    const page = await ui.signIn('admin', TEST_ADMIN_PASSWORD);
    await page.goto('/#/admin/processes');
    const region = page.getByRole('region', { name: '濮阳县' });
    const v1 = region.locator('tr[data-version="1"]');
    await v1.getByText('当前启用').waitFor();
    t.equal(await region.locator('tbody tr[data-version]').count(), 1, 'one version deployed');
    await ui.screenshot(page, 'admin-processes-library');

    // Open version 1: the shipped scheme lints clean.
    await v1.getByRole('link', { name: '打开' }).click();
    const summary = page.getByTestId('lint-summary');
    await summary.filter({ hasText: /^错误 0 个/ }).waitFor();
    const deploy = page.getByRole('button', { name: '部署新版本' });
    t.ok(await deploy.isEnabled(), 'a clean diagram may be deployed');

    // Select the overdue timer on the canvas and empty its expression: a lint error blocks deploying.
    await page.locator('.modeler-canvas [data-element-id="Overdue"]').click();
    const timer = page.locator('[data-group-id="group-timer"]');
    await timer.locator('.bio-properties-panel-group-header').click();
    const value = timer.getByLabel('值');
    t.equal(await value.inputValue(), '${dueAt}', 'the properties panel shows the timer expression');
    await value.fill('');
    await summary.filter({ hasText: /^错误 1 个/ }).waitFor();
    t.ok(await deploy.isDisabled(), 'deploy is disabled while lint reports an error');
    const issues = page.getByRole('region', { name: '检查结果' });
    t.match(await issues.innerText(), /超期未办结（Overdue）\s*错误\s*定时器未设置时间/, 'the issue names the element');
    await ui.screenshot(page, 'admin-processes-lint');

    // An expression lint cannot judge goes to the service, whose refusal is shown as it comes.
    await value.fill('${dueAt');
    await summary.filter({ hasText: /^错误 0 个/ }).waitFor();
    const [refused] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/engine-rest/deployment/create')), deploy.click()]);
    t.equal(refused.status(), 400, 'the service refuses the diagram');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    t.match(await alert.innerText(), /Invalid expression in timeDate '\$\{dueAt'.*Overdue \| line \d+/s, 'the refusal names the element and line');
    t.match(await page.getByRole('list', { name: '部署错误明细' }).innerText(), /第 \d+ 行第 \d+ 列，元素 Overdue：Invalid expression/);
    t.equal((await get<Def[]>('/engine-rest/process-definition?key=puyang')).length, 1, 'no version was added');
    await ui.screenshot(page, 'admin-processes-refused');

    await value.fill(NEW_TIMER);
    await summary.filter({ hasText: /^错误 0 个/ }).waitFor();
    t.match(await summary.innerText(), /错误 0 个/);
    await ui.screenshot(page, 'admin-processes-modeler');
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/engine-rest/deployment/create')), deploy.click()]);
    t.equal(response.status(), 200);
    await page.getByRole('status').filter({ hasText: '版本 2' }).waitFor();

    const versions = await get<Def[]>('/engine-rest/process-definition?key=puyang&tenantIdIn=puyang&sortBy=version&sortOrder=asc');
    t.same(versions.map((d) => d.version), [1, 2], 'the service holds a second version');
    const [first, second] = versions as [Def, Def];
    t.match((await get<{ bpmn20Xml: string }>(`/engine-rest/process-definition/${second.id}/xml`)).bpmn20Xml, NEW_TIMER, 'with the edited expression');
    t.equal(await activeVersion(), 1, 'deploying does not activate');

    // Back in the library: version 2 listed, not active.
    await page.getByRole('status').getByRole('link', { name: '返回流程库' }).click();
    const v2 = region.locator('tr[data-version="2"]');
    await v2.getByText('未启用').waitFor();
    await v1.getByText('当前启用').waitFor();

    // Compare 1 and 2: exactly the timer changed.
    await v1.getByRole('checkbox').check();
    await v2.getByRole('checkbox').check();
    await region.getByRole('link', { name: '比较所选版本' }).click();
    await page.waitForURL((url) => url.hash === `#/admin/diff/${encodeURIComponent(first.id)}/${encodeURIComponent(second.id)}`);
    const table = page.getByRole('region', { name: '变更元素' });
    await table.locator('tbody tr').first().waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-element')));
    t.same(rows, ['Overdue'], 'only the timer element changed');
    t.match(await table.locator('tr[data-element="Overdue"]').innerText(), /\$\{dueAt\}\s*→\s*\$\{addWorkingDays\(1, dueAt\)\}/);
    await page.locator('.diff-diagram .djs-element.diff-changed[data-element-id="Overdue"]').first().waitFor();
    t.equal(await page.locator('.diff-diagram .diff-changed[data-element-id="Overdue"]').count(), 2, 'marked in both diagrams');
    await ui.screenshot(page, 'admin-processes-diff');

    // Activating asks first: cancelling changes nothing.
    await page.goto('/#/admin/processes');
    await v2.getByRole('button', { name: '启用' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    t.equal(await activeVersion(), 1, 'cancelled: still version 1');

    await v2.getByRole('button', { name: '启用' }).click();
    await dialog.getByLabel('启用原因').fill('督办时点推后一个工作日');
    await ui.screenshot(page, 'admin-processes-activate-confirm');
    await dialog.getByRole('button', { name: '确认启用' }).click();
    await v2.getByText('当前启用').waitFor();
    t.equal(await activeVersion(), 2, 'the region now starts version 2');
    const [latest] = await get<Array<{ kind: string; definitionVersion: number; activatedBy: string; reason: string }>>('/api/regions/puyang/activations');
    t.match(latest, { kind: 'activate', definitionVersion: 2, activatedBy: 'admin', reason: '督办时点推后一个工作日' }, 'recorded with who and why');
    t.match(await region.getByRole('table', { name: '濮阳县启用记录' }).innerText(), /督办时点推后一个工作日/, 'the history shows it');

    // Rollback, also confirmed, returns to version 1.
    await region.getByRole('button', { name: '回滚' }).click();
    t.match(await dialog.innerText(), /回到「濮阳县“有诉即办”工单办理」版本 1（当前为版本 2）/, 'the dialog names the version it returns to');
    await dialog.getByLabel('回滚原因').fill('新版本待复核');
    await dialog.getByRole('button', { name: '确认回滚' }).click();
    await v1.getByText('当前启用').waitFor();
    t.equal(await activeVersion(), 1, 'rolled back to version 1');
    const [rollback] = await get<Array<{ kind: string; definitionVersion: number; reason: string }>>('/api/regions/puyang/activations');
    t.match(rollback, { kind: 'rollback', definitionVersion: 1, reason: '新版本待复核' });
    await ui.screenshot(page, 'admin-processes-history');
  });

  t.test('a new blank scheme has lint errors until it is complete, so it cannot be deployed', async (t) => {
    const page = await ui.signIn('admin', TEST_ADMIN_PASSWORD);
    await page.goto('/#/admin/processes');
    await page.getByRole('region', { name: '濮阳县' }).getByRole('link', { name: '新建流程' }).click();
    await page.getByTestId('lint-summary').filter({ hasText: /^错误 [1-9]/ }).waitFor();
    t.equal(await page.getByLabel('所属区县').inputValue(), 'puyang', 'the region comes from the library');
    t.ok(await page.getByRole('button', { name: '部署新版本' }).isDisabled(), 'deploy stays disabled');
    t.match(await page.getByRole('region', { name: '检查结果' }).innerText(), /接诉登记（Start）\s*错误/, 'the lone start event is reported');
    await ui.screenshot(page, 'admin-processes-new');
  });
}
