/**
 * A handler's day in the console (获嘉's scheme): their unit's tasks only, nearest deadline
 * first with time left on the service's clock; claim one, a form refused in the page for a
 * missing required field (nothing sent), completed, and the order's timeline and diagram show it.
 */
import t from 'tap';
import type { Page } from 'playwright-core';
import { startConsole } from './support/browser.js';
import { BUILTIN_REGIONS, deploySchemes } from '../../src/regions/index.js';
// The form's rules are browser code (src/ui has its own tsconfig): loaded by path so the
// service's typecheck does not follow them into bpmn-moddle's untyped entry.
type FormFieldDef = { id: string; label: string; type: string; defaultValue: unknown; options: Array<{ id: string; name: string }>; required: boolean; readonly: boolean; minLength: number | null; maxLength: number | null; min: number | null; max: number | null; properties: Record<string, string> };
const { fieldProblem, toTypedVariable } = (await import('../../src/ui/shared/forms/values.js' as string)) as {
  fieldProblem: (field: FormFieldDef, text: string) => string | null;
  toTypedVariable: (field: FormFieldDef, text: string) => unknown;
};

interface Task {
  id: string;
  name: string;
  assignee: string | null;
  due: string | null;
  processInstanceId: string;
  taskDefinitionKey: string;
}
interface Order {
  id: string;
  number: string;
  processInstanceId: string;
  dueAt: string;
}

const ui = await startConsole(t);
if (ui) {
  const { ctx } = ui;
  const s = ctx.services;
  await deploySchemes({ regions: BUILTIN_REGIONS.filter((r) => r.id === 'huojia'), processesDir: s.config.processesDir, deployments: s.deployments, definitions: s.definitions, regionService: s.regions, logger: s.logger });
  await ctx.createUnit({ id: 'hj-housing', name: '县住建局', kind: 'department', regionId: 'huojia' });
  await ctx.createUnit({ id: 'hj-water', name: '县水利局', kind: 'department', regionId: 'huojia' });
  const handlerA = await ctx.createUser({ username: 'zhangwei', displayName: '张伟', roles: ['handler'], unitId: 'hj-housing' });
  await ctx.createUser({ username: 'lina', displayName: '李娜', roles: ['handler'], unitId: 'hj-water' });
  await ctx.createUser({ username: 'wangfang', displayName: '王芳', roles: ['handler'], unitId: 'hj-housing' });

  /** Calls the service (as the admin unless other headers are given); a refusal fails the test. */
  const call = async <T>(method: 'GET' | 'POST', url: string, payload?: object, headers?: Record<string, string>): Promise<T> => {
    const res = await ctx.app.inject({ method, url, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : undefined) as T;
  };
  const setClock = (at: string) => call('POST', '/api/clock', { set: at });
  const tasksOf = (order: Order) => call<Task[]>('GET', `/engine-rest/task?processInstanceId=${order.processInstanceId}`);
  const complete = async (order: Order, key: string, variables: Record<string, { value: unknown; type: string }>) => {
    const task = (await tasksOf(order)).find((k) => k.taskDefinitionKey === key);
    if (!task) throw new Error(`${order.number} waits in no ${key}`);
    await call('POST', `/engine-rest/task/${task.id}/complete`, { variables });
  };
  /** Registered by the hotline and dispatched (一般, 3 natural days) to `unit`. */
  const registerAndDispatch = async (content: string, unit: string, extra: object = {}): Promise<Order> => {
    const order = await call<Order>('POST', '/api/work-orders', { region: 'huojia', requesterName: '王秀英', phone: '13812345678', channel: 'hotline', category: 'help', content, ...extra });
    await complete(order, 'Dispatch', { unit: { value: unit, type: 'String' }, urgency: { value: 'general', type: 'String' }, escalate: { value: false, type: 'Boolean' } });
    return order;
  };
  const rowOf = (page: Page, order: Order) => page.locator(`tr[data-order="${order.number}"]`);

  // 09:00: two orders for 住建局, one for 水利局; the first is signed at once, so it waits in 办理.
  const signed = await registerAndDispatch('小区楼道灯损坏，夜间无照明', 'hj-housing');
  const photo = { storageKey: 'orders/2026/11/wall-1.jpg', name: '外墙脱落现场.jpg', size: 245_760, contentType: 'image/jpeg' };
  const toSign = await registerAndDispatch('老旧小区外墙脱落，存在安全隐患', 'hj-housing', { attachments: [photo] });
  const other = await registerAndDispatch('村口排水沟堵塞', 'hj-water');
  await complete(signed, 'SignOrReturn', { decision: { value: 'sign', type: 'String' } });

  t.test('the handler sees only their unit\'s tasks, nearest deadline first, time left on the service clock', async (t) => {
    // Half minutes: the browser counts on from the time it read, so a whole minute would be flaky.
    await setClock('2026-11-23T09:49:30+08:00');
    const page = await ui.signIn('zhangwei', 'password-zhangwei');
    await page.goto('/#/tasks');
    await page.getByRole('table', { name: '待办列表' }).waitFor();
    const own = await call<Task[]>('GET', '/engine-rest/task', undefined, handlerA.headers);
    const shown = await page.locator('tr[data-task]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task')));
    t.same(shown, [...own].sort((a, b) => Date.parse(a.due!.replace(/(\d{2})(\d{2})$/, '$1:$2')) - Date.parse(b.due!.replace(/(\d{2})(\d{2})$/, '$1:$2'))).map((k) => k.id), 'exactly the tasks /engine-rest/task gives the handler, by deadline');
    t.equal(own.length, 2, 'both of 住建局\'s orders');
    t.equal(await page.getByText(other.number).count(), 0, '水利局\'s order is not listed');
    // 签收或退件 is due an hour after dispatch (10:00): 10½ minutes left on the service's clock.
    const soon = rowOf(page, toSign).locator('.tag.due-soon');
    t.equal(await soon.innerText(), '剩余 10 分钟');
    t.equal(await rowOf(page, signed).locator('.tag.ok').count(), 1, 'the signed order\'s report is days away');
    t.equal(await page.locator('tr[data-task]').first().getAttribute('data-order'), toSign.number, 'the nearest deadline on top');
  });

  t.test('claim, a refused form (nothing sent), then completed: the order\'s timeline and diagram show it', async (t) => {
    const page = await ui.signIn('zhangwei', 'password-zhangwei');
    await page.goto('/#/tasks');
    const row = rowOf(page, toSign);
    await row.getByRole('button', { name: '签收' }).click();
    await row.locator('td.assignee', { hasText: '张伟' }).waitFor();
    const [claimed] = (await tasksOf(toSign)).filter((k) => k.taskDefinitionKey === 'SignOrReturn');
    t.equal(claimed?.assignee, 'zhangwei', 'the service holds the claim');
    t.equal(await row.getByRole('button', { name: '退回签收' }).count(), 1, 'and it can be handed back');

    const completes: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/engine-rest\/task\/[^/]+\/complete$/.test(r.url())) completes.push(r.url());
    });
    await row.getByRole('button', { name: '办理' }).click();
    const decision = page.getByRole('radiogroup', { name: '签收或退件' });
    await decision.waitFor();
    t.equal(await page.getByLabel('回退理由').evaluate((e) => e.tagName), 'TEXTAREA', 'reasons are paragraphs');
    await page.getByTestId('order-number').filter({ hasText: toSign.number }).waitFor();
    t.match(await page.getByRole('list', { name: '附件' }).innerText(), /外墙脱落现场\.jpg\s+240 KB/, 'the order\'s attachments, by name and size');

    await page.getByRole('button', { name: '提交' }).click();
    const mark = page.locator('.field.invalid', { hasText: '签收或退件' });
    await mark.waitFor();
    t.equal(await mark.locator('.field-error').innerText(), '请选择“签收或退件”');
    t.ok(await page.locator('input[name="tf-decision"]:focus').count(), 'the first bad field has the focus');
    t.same(completes, [], 'no completion was sent');
    t.equal((await tasksOf(toSign)).filter((k) => k.taskDefinitionKey === 'SignOrReturn').length, 1, 'the task still waits');
    await ui.screenshot(page, 'handler-task-refused');

    await decision.getByRole('radio', { name: '签收' }).check();
    t.equal(await page.locator('.field.invalid').count(), 0, 'the mark goes once answered');
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/#\/tasks$/);
    await page.getByRole('status').filter({ hasText: '已提交' }).waitFor();
    t.equal(completes.length, 1, 'one completion sent');
    const open = await tasksOf(toSign);
    t.same(open.map((k) => k.taskDefinitionKey), ['Handle'], 'signed: it now waits in 办理');
    t.equal(await rowOf(page, toSign).locator('td', { hasText: '签收或退件' }).count(), 0, 'the signed task left the list');

    await page.goto(`/#/orders/${toSign.id}`);
    const done = page.locator('.timeline li[data-type="activity.completed"][data-activity="SignOrReturn"]');
    await done.waitFor();
    t.match(await done.innerText(), /zhangwei/, 'the timeline names who completed it');
    const detail = await call<{ timeline: { type: string; activityId: string; who: string }[] }>('GET', `/api/work-orders/${toSign.id}`);
    t.ok(detail.timeline.some((e) => e.type === 'activity.completed' && e.activityId === 'SignOrReturn' && e.who === 'zhangwei'), 'as the service records it');
    await page.locator('.djs-element.highlight-current[data-element-id="Handle"]').waitFor();
    t.equal(await page.locator('.djs-element.highlight-done[data-element-id="SignOrReturn"]').count(), 1, 'the signed step is on the path taken');
    t.ok((await page.locator('.djs-connection.highlight-done').count()) > 0, 'and the flows between');
    t.equal(await page.locator('.djs-element.highlight-current[data-element-id="SignOrReturn"]').count(), 0);
    t.equal((await call<{ urgencyCode: string | null }>('GET', `/api/work-orders/${toSign.id}`)).urgencyCode, 'general', 'the urgency dispatch decided is the order\'s');
    t.match(await page.locator('main').innerText(), /紧急程度\s*一般/, 'and the page shows it');
    await ui.screenshot(page, 'handler-order');
    const sms = await call<{ items: unknown[] }>('GET', `/api/work-orders/${toSign.id}/notifications`, undefined, handlerA.headers);
    t.ok(sms.items.length > 0, 'the dispatch sent an SMS');
    await page.getByRole('table', { name: '短信通知' }).waitFor();
    t.equal(await page.getByRole('table', { name: '短信通知' }).locator('tbody tr').count(), sms.items.length, 'every SMS of the order is listed');
  });

  t.test('overdue in red, due soon in yellow, after the service clock moved', async (t) => {
    const handle = (await tasksOf(signed)).find((k) => k.taskDefinitionKey === 'Handle')!;
    const order = await call<Order>('GET', `/api/work-orders/${signed.id}`);
    // 办理 is due at the report time, a day before the order's deadline: past it, the task stays.
    const reportBy = Date.parse(handle.due!.replace(/(\d{2})(\d{2})$/, '$1:$2'));
    const deadline = Date.parse(order.dueAt);
    t.ok(reportBy < deadline - 3600_000, 'the report is due well before the deadline');
    const later = new Date(reportBy + 30 * 60_000);
    await setClock(later.toISOString());
    const fresh = await registerAndDispatch('路灯不亮', 'hj-housing');
    // Due soon: the last quarter of the hour 签收或退件 is given.
    await setClock(new Date(later.getTime() + 45.5 * 60_000).toISOString());

    const page = await ui.signIn('zhangwei', 'password-zhangwei');
    await page.goto('/#/tasks');
    await rowOf(page, fresh).waitFor();
    t.equal(await rowOf(page, signed).locator('.tag.overdue').innerText(), '已超期 1 小时 15 分钟');
    t.equal(await rowOf(page, fresh).locator('.tag.due-soon').innerText(), '剩余 14 分钟');
    await ui.screenshot(page, 'handler-task-list');

    // 获嘉's report: the three parts as paragraphs, the signatures, the photos; claimed first.
    await rowOf(page, signed).getByRole('button', { name: '办理' }).click();
    await page.getByText('此环节尚未签收').waitFor();
    t.ok(await page.getByLabel('联系诉求对象情况').isDisabled(), 'not claimed: the form is shown, not editable');
    await page.getByRole('button', { name: '签收', exact: true }).click();
    await page.getByLabel('联系诉求对象情况').and(page.locator(':enabled')).waitFor();
    for (const label of ['联系诉求对象情况', '诉求事项办理情况', '后续处置措施', '延期理由']) {
      t.equal(await page.getByLabel(label).evaluate((e) => e.tagName), 'TEXTAREA', `${label}: a paragraph`);
    }
    t.equal(await page.getByLabel('预办结时间').getAttribute('type'), 'date');
    t.equal(await page.locator('output[aria-label="办理时限"]').innerText(), '2026/11/26 18:00', 'the deadline shown, read-only');
    await ui.screenshot(page, 'handler-report-form');
  });

  t.test('工单查询 lists the unit\'s orders, filtered by the service', async (t) => {
    const page = await ui.signIn('zhangwei', 'password-zhangwei');
    await page.goto('/#/orders');
    const table = page.getByRole('table', { name: '工单列表' });
    await table.waitFor();
    const all = await call<{ total: number; items: Order[] }>('GET', '/api/work-orders', undefined, handlerA.headers);
    t.same(await table.locator('tbody tr td:first-child').allInnerTexts(), all.items.map((o) => o.number), 'the orders the API gives the handler, newest first');
    t.notOk(all.items.some((o) => o.number === other.number), '水利局\'s order is not among them');
    await page.getByLabel('关键词').fill('外墙');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('nav[aria-label="翻页"]', { hasText: '共 1 件' }).waitFor();
    t.same(await table.locator('tbody tr td:first-child').allInnerTexts(), [toSign.number], 'found by its content');
    await page.getByRole('button', { name: '重置' }).click();
    await page.locator('nav[aria-label="翻页"]', { hasText: `共 ${all.total} 件` }).waitFor();
    await ui.screenshot(page, 'handler-order-list');
    await table.getByRole('link', { name: signed.number }).click();
    await page.getByTestId('order-number').filter({ hasText: signed.number }).waitFor();
    t.pass('a row opens its order');
  });

  t.test('the same form serves the hotline\'s dispatch: units by name, choices, a yes/no that must be answered', async (t) => {
    const order = await call<Order>('POST', '/api/work-orders', { region: 'huojia', requesterName: '赵六', phone: '13700000000', channel: 'online', category: 'complaint', content: '夜间施工噪音扰民' });
    const [dispatch] = await tasksOf(order);
    const page = await ui.signIn('admin', ctx.admin.password);
    await page.goto(`/#/tasks/${dispatch!.id}`);
    await page.getByRole('button', { name: '签收' }).click();
    const unit = page.getByLabel('首接责任单位（候选组）');
    await unit.and(page.locator(':enabled')).waitFor();
    t.same(await unit.locator('optgroup[label="本地承办单位"] option').allInnerTexts(), ['县住建局', '县水利局'], 'the region\'s units first, by name');
    t.ok((await unit.locator('optgroup[label="通用机构"] option').allInnerTexts()).includes('12345热线办'), 'the shared offices after them');
    const sent: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/complete') && sent.push(r.url()));
    await page.getByRole('button', { name: '提交' }).click();
    await page.locator('.field.invalid').nth(2).waitFor();
    t.same(await page.locator('.field.invalid .field-error').allInnerTexts(), ['请选择“首接责任单位（候选组）”', '请选择“时限等级”', '请选择“情况复杂、群众反映集中、影响面较大或办理难度大（提级办理提醒）”']);
    t.same(sent, [], 'nothing sent');
    await unit.selectOption({ label: '县水利局' });
    await page.getByRole('radiogroup', { name: '时限等级' }).getByRole('radio', { name: '紧急（24小时）' }).check();
    await page.getByRole('radiogroup', { name: /提级办理提醒/ }).getByRole('radio', { name: '否' }).check();
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForURL(/#\/tasks$/);
    const [next] = await tasksOf(order);
    t.equal(next?.taskDefinitionKey, 'SignOrReturn');
    const variables = await call<Record<string, { value: unknown; type: string }>>('GET', `/engine-rest/process-instance/${order.processInstanceId}/variables`);
    t.match(variables, { unit: { value: 'hj-water', type: 'String' }, urgency: { value: 'urgent', type: 'String' }, escalate: { value: false, type: 'Boolean' } }, 'typed as the diagram declares');
  });

  t.test('field checks: integers within bounds, allowed values, lengths; typed variables', async (t) => {
    const field = (f: Partial<FormFieldDef>): FormFieldDef => ({ id: 'x', label: '字段', type: 'string', defaultValue: null, options: [], required: false, readonly: false, minLength: null, maxLength: null, min: null, max: null, properties: {}, ...f });
    const days = field({ type: 'long', label: '批准延期工作日数', required: true, min: 0, max: 3 });
    t.equal(fieldProblem(days, ''), '请填写“批准延期工作日数”');
    t.equal(fieldProblem(days, '1.5'), '“批准延期工作日数”须为整数');
    t.equal(fieldProblem(days, '4'), '“批准延期工作日数”不得大于 3');
    t.equal(fieldProblem(days, '-1'), '“批准延期工作日数”不得小于 0');
    t.equal(fieldProblem(days, '3'), null);
    t.same(toTypedVariable(days, '3'), { value: 3, type: 'Long' });
    const choice = field({ type: 'enum', label: '操作', options: [{ id: 'reported', name: '上报办理结果' }] });
    t.equal(fieldProblem(choice, 'extensionRequested'), '“操作”须为：上报办理结果');
    t.equal(fieldProblem(choice, ''), null, 'optional');
    const note = field({ minLength: 5, maxLength: 10, label: '说明' });
    t.equal(fieldProblem(note, '太短'), '“说明”至少 5 个字');
    t.equal(fieldProblem(note, '这一段说明超过了十个字'), '“说明”最多 10 个字');
    t.same(toTypedVariable(field({ type: 'date' }), '2026-11-27'), { value: '2026-11-27T00:00:00.000+0800', type: 'Date' });
    t.same(toTypedVariable(field({ type: 'boolean' }), 'false'), { value: false, type: 'Boolean' });
    t.equal(toTypedVariable(field({ readonly: true }), '2026-11-26'), undefined, 'read-only: never sent');
  });

  t.test('a claim a colleague made first: the service\'s refusal as it comes, then the list as it is', async (t) => {
    const order = await registerAndDispatch('井盖缺失', 'hj-housing');
    const page = await ui.signIn('zhangwei', 'password-zhangwei');
    await page.goto('/#/tasks');
    const row = rowOf(page, order);
    await row.waitFor();
    const [task] = await tasksOf(order);
    await call('POST', `/engine-rest/task/${task!.id}/claim`, { userId: 'wangfang' });
    await row.getByRole('button', { name: '签收' }).click();
    const refusal = await ctx.app.inject({ method: 'POST', url: `/engine-rest/task/${task!.id}/claim`, payload: { userId: 'zhangwei' }, headers: handlerA.headers });
    t.equal(refusal.statusCode, 409);
    await page.getByRole('alert').filter({ hasText: (refusal.json() as { message: string }).message }).waitFor();
    await row.locator('td.assignee', { hasText: 'wangfang' }).waitFor();
    t.equal((await tasksOf(order))[0]?.assignee, 'wangfang', 'the colleague keeps it');
  });

  t.test('a unit head hands a task to a colleague of the unit; other units\' people are not offered', async (t) => {
    const head = await ctx.createUser({ username: 'zhaoke', displayName: '赵科长', roles: ['unit-head'], unitId: 'hj-housing' });
    const order = await registerAndDispatch('楼顶漏水', 'hj-housing');
    const members = await ctx.app.inject({ method: 'GET', url: '/api/units/hj-housing/members', headers: head.headers });
    t.same((members.json() as Array<{ username: string }>).map((m) => m.username).sort(), ['wangfang', 'zhangwei', 'zhaoke'], 'the unit\'s active people');
    const foreign = await ctx.app.inject({ method: 'GET', url: '/api/units/hj-water/members', headers: handlerA.headers });
    t.equal(foreign.statusCode, 403, 'a handler reads its own unit\'s people only');

    const [task] = await tasksOf(order);
    const page = await ui.signIn('zhaoke', 'password-zhaoke');
    await page.goto(`/#/tasks/${task!.id}`);
    const picker = page.getByRole('form', { name: '指派' }).getByLabel('指派给');
    await picker.locator('option', { hasText: '王芳' }).waitFor({ state: 'attached' });
    t.same(await picker.locator('option').allInnerTexts(), ['请选择', '王芳（wangfang）', '张伟（zhangwei）', '赵科长（zhaoke）'], 'only 住建局\'s people');
    await picker.selectOption('wangfang');
    await page.getByRole('form', { name: '指派' }).getByRole('button', { name: '指派' }).click();
    await page.getByText('已由 wangfang 签收办理').waitFor();
    t.equal((await tasksOf(order))[0]?.assignee, 'wangfang', 'the service holds the assignment');
    await ui.screenshot(page, 'unit-head-assign');

    const handlerPage = await ui.signIn('zhangwei', 'password-zhangwei');
    await handlerPage.goto(`/#/tasks/${task!.id}`);
    await handlerPage.getByRole('button', { name: '退回签收' }).or(handlerPage.getByText('已由 wangfang')).first().waitFor();
    t.equal(await handlerPage.getByRole('form', { name: '指派' }).count(), 0, 'a handler is not offered to assign');
  });
}
