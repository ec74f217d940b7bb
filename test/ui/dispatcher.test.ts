/**
 * The 12345 desk (/intake): a dispatcher registers an order and sees it dispatched. A published
 * guiding case shows up beside the form while similar content is typed; a form missing a
 * required field never leaves the page; a double click registers one order; the dispatch task
 * is filled in right there and the order goes to the handling unit; the desk's queue groups its
 * work as 待派单 / 待审核 / 待回访.
 */
import t from 'tap';
import type { Request } from 'playwright-core';
import { startConsole } from './support/browser.js';
import { activeRegion, diagram } from '../work-orders/support.js';
import { order as closedOrder } from '../guiding-cases/support.js';

const CASE_TITLE = '小区下水道堵塞污水漫溢的处置';

const ui = await startConsole(t);
if (ui) {
  const { ctx } = ui;
  const call = async (method: 'GET' | 'POST', url: string, payload?: object, headers?: Record<string, string>): Promise<any> => {
    const res = await ctx.app.inject({ method, url, ...(payload ? { payload } : {}), ...(headers ? { headers } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : undefined;
  };

  // A solved order of 濮阳 (a small fixture process closes it at once) becomes a published case …
  await activeRegion(ctx, 'puyang', '濮阳县', diagram('fixture', 'order-simple.bpmn'), 'simple.bpmn');
  const solved = await closedOrder(ctx, { region: 'puyang', content: '小区门口下水道堵塞，污水漫到路面。' });
  const proposed = await call('POST', '/api/guiding-cases', {
    workOrder: solved.number,
    title: CASE_TITLE,
    summary: '居民反映小区门口下水道堵塞，污水漫到路面，影响出行。',
    handling: '县水利局当日派员疏通管网，清理路面，并与物业约定每月巡查。',
    basis: '《城镇排水与污水处理条例》第三十三条',
  });
  await call('POST', `/api/guiding-cases/${proposed.id}/review`, { decision: 'approve', comment: '典型，予以发布' });
  // … then the region switches to its real scheme, whose first step is the hotline office's dispatch.
  await activeRegion(ctx, 'puyang', '濮阳县', diagram('scheme', 'puyang.bpmn'), 'puyang.bpmn');
  await ctx.createUnit({ id: 'water', name: '县水利局', kind: 'department', regionId: 'puyang' });
  await ctx.createUser({ username: 'rexian.wang', displayName: '王话务', unitId: 'hotline-office', roles: ['dispatcher'] });
  const handler = await ctx.createUser({ username: 'shuili.li', displayName: '李办理', unitId: 'water', roles: ['handler'] });
  const ordersOfRegion = async () => (await call('GET', '/api/work-orders?region=puyang&status=dispatching,handling,reviewing,callback')) as { total: number; items: Array<{ id: string; number: string; processInstanceId: string }> };

  t.test('a dispatcher registers an order and sees it dispatched', async (t) => {
    const page = await ui.signIn('rexian.wang', 'password-rexian.wang');
    await page.waitForURL(/#\/intake$/);
    const posts: Request[] = [];
    page.on('request', (r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/work-orders' && posts.push(r));
    const form = page.getByRole('form', { name: '工单登记' });

    // Similar content typed: the published case appears beside the form.
    await form.getByLabel('诉求主要内容').fill('我家小区门口的下水道堵塞了，污水漫到路面上，出行很不方便。');
    await form.getByLabel('诉求类别').selectOption('complaint');
    const similar = page.getByRole('complementary', { name: '相似案例' });
    await similar.getByText(CASE_TITLE).waitFor();
    t.match(await similar.innerText(), /居民反映小区门口下水道堵塞/, 'with its summary');

    // Name and phone missing: refused in the page, nothing sent.
    await form.getByRole('button', { name: '登记工单' }).click();
    await form.locator('.field.invalid').first().waitFor();
    const invalid = await form.locator('.field.invalid > span').allInnerTexts();
    t.same(invalid, ['反映人姓名', '来电号码'], 'the missing required fields are marked');
    t.equal(posts.length, 0, 'no POST /api/work-orders was sent');
    t.equal((await ordersOfRegion()).total, 0, 'nothing registered');

    // A written message was sent earlier: its time must be given; a call's defaults to now.
    await form.getByLabel('受理渠道').selectOption('wechat');
    await form.getByRole('button', { name: '登记工单' }).click();
    t.same(await form.locator('.field.invalid > span').allInnerTexts(), ['留言时间', '反映人姓名', '联系电话'], 'a WeChat message needs its time');
    await form.getByLabel('受理渠道').selectOption('hotline');
    t.equal(posts.length, 0, 'still nothing sent');

    await form.getByLabel('反映人姓名').fill('赵女士');
    await form.getByLabel('来电号码').fill('电话号码');
    await form.getByRole('button', { name: '登记工单' }).click();
    await form.getByText('请填写有效的电话号码').first().waitFor();
    t.equal(posts.length, 0, 'a malformed phone is refused in the page too');
    await form.getByLabel('来电号码').fill('139 0393 1234');
    await form.getByLabel('联系地址').fill('城关镇建设路88号');
    await ui.screenshot(page, 'intake-form-similar-cases');

    // The service registers the first try but its answer is lost on the way back …
    await page.route('**/api/work-orders', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    }, { times: 1 });
    await form.getByRole('button', { name: '登记工单' }).click();
    await form.getByRole('alert').getByText('未收到服务答复').waitFor();
    t.equal((await ordersOfRegion()).total, 1, 'the lost try was registered');
    // … so the dispatcher submits again, with a double click: still one order (one Idempotency-Key).
    const registered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/work-orders');
    await form.getByRole('button', { name: '登记工单' }).dblclick();
    t.equal((await registered).status(), 200, 'the retry is answered with the order already registered');
    const result = page.getByRole('region', { name: '登记结果' });
    await result.waitFor();
    const keys = new Set(posts.map((r) => r.headers()['idempotency-key']));
    t.equal(keys.size, 1, `every request of the fill carries one Idempotency-Key (${posts.length} sent)`);
    const list = await ordersOfRegion();
    t.equal(list.total, 1, 'exactly one order registered');
    const order = list.items[0]!;
    t.match(await result.getByRole('heading').first().innerText(), order.number, 'the page names the new order');
    t.equal(await result.getByRole('link', { name: order.number }).getAttribute('href'), `#/orders/${order.id}`);

    // The scheme's next step is the desk's dispatch task: its form is right there.
    const dispatch = result.getByRole('form', { name: '热线办：分类转办' });
    await dispatch.getByRole('radiogroup', { name: '紧急程度' }).getByLabel('一般（5个工作日）').check();
    await dispatch.getByRole('radiogroup', { name: '突发紧急诉求（联动110/119/120）' }).getByLabel('否').check();
    await dispatch.getByRole('radiogroup', { name: '涉及多个单位（需协调明确牵头单位）' }).getByLabel('否').check();
    await dispatch.getByLabel('承办单位（候选组）').selectOption('water');
    await dispatch.getByRole('button', { name: '派单' }).click();
    await result.getByText(/已派单至 县水利局/).waitFor();

    const tasks = (await call('GET', `/engine-rest/task?processInstanceId=${order.processInstanceId}`)) as Array<{ id: string; taskDefinitionKey: string; name: string; due: string }>;
    t.same(tasks.map((x) => x.taskDefinitionKey), ['Handle'], "the unit's task is open");
    const offered = (await call('GET', `/engine-rest/task?processInstanceId=${order.processInstanceId}&candidateGroup=water`)) as unknown[];
    t.equal(offered.length, 1, 'offered to 县水利局');
    const row = result.getByRole('row').filter({ hasText: tasks[0]!.name });
    t.match(await row.innerText(), /县水利局/, "the page lists the unit's task");
    t.match(await row.innerText(), /2026\/11\/30 18:00/, 'with its deadline: 5 working days');
    await ui.screenshot(page, 'intake-order-dispatched');
    t.equal((await ordersOfRegion()).total, 1, 'still exactly one order');
  });

  t.test("the desk's queue groups its work", async (t) => {
    // The unit replies to the first order (→ callback); a second order waits for dispatch.
    const [first] = (await ordersOfRegion()).items;
    const [handle] = (await call('GET', `/engine-rest/task?processInstanceId=${first!.processInstanceId}&taskDefinitionKey=Handle`)) as Array<{ id: string }>;
    await call('POST', `/engine-rest/task/${handle!.id}/complete`, { variables: { outcome: { value: 'replied', type: 'String' }, reply: { value: '已疏通管网并清理路面', type: 'String' } } }, handler.headers);
    const second = await call('POST', '/api/work-orders', { region: 'puyang', requesterName: '孙先生', phone: '13903931111', channel: 'wechat', category: 'help', content: '路灯不亮，夜间出行不便。', requestedAt: '2026-11-23T08:40:00+08:00' });

    const page = await ui.signIn('rexian.wang', 'password-rexian.wang');
    const queue = page.getByRole('region', { name: '待办队列' });
    const group = (name: string) => queue.getByRole('region', { name });
    await group('待派单').getByRole('link', { name: second.number }).waitFor();
    await group('待回访').getByRole('link', { name: first!.number }).waitFor();
    t.equal(await group('待审核').getByRole('link').count(), 0, 'nothing to review');
    const [callback] = (await call('GET', `/engine-rest/task?processInstanceId=${first!.processInstanceId}`)) as Array<{ id: string; taskDefinitionKey: string }>;
    t.equal(callback!.taskDefinitionKey, 'Callback');
    t.equal(await group('待回访').getByRole('link', { name: first!.number }).getAttribute('href'), `#/tasks/${callback!.id}`, 'links to the task page');
    await queue.scrollIntoViewIfNeeded();
    await ui.screenshot(page, 'intake-queue');
  });
}
