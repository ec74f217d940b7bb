/**
 * The administrators' settings pages against a real service: 工作日历 (a region's 2026 holidays
 * as the API answers them, the missing-2027 warning exactly when the status says so, a
 * single-day override through the confirm dialog and its effect on a deadline preview) and
 * 单位与用户 (a unit and a handler created through the page, sign-in, password reset,
 * disabling, and the service's 400 for bad input). The test clock stands at 2026-11-23 09:00
 * China time, a Monday.
 */
import t from 'tap';
import type { Page } from 'playwright-core';
import { startConsole, TEST_ADMIN_PASSWORD } from './support/browser.js';

const ui = await startConsole(t);
if (ui) {
  const { ctx } = ui;
  const getJson = async <T>(url: string): Promise<{ status: number; body: T }> => {
    const res = await ctx.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() as T };
  };

  /** Every grid cell's look, by date, as the page shows it. */
  const gridLooks = (page: Page) =>
    page.$$eval('.year-grid td[data-date]', (cells) => Object.fromEntries(cells.map((c) => [c.getAttribute('data-date'), c.getAttribute('data-look')])) as Record<string, string>);

  /** Asks the page for "3 个工作日" from now; the answer is the new first row of the results. */
  const previewDue = async (page: Page) => {
    const form = page.getByRole('form', { name: '时限预览' });
    const rows = form.locator('table[aria-label="预览结果"] tbody tr');
    const before = await rows.count();
    await form.getByLabel('时限').fill('3');
    await form.getByLabel('单位').selectOption('workingDays');
    await form.getByRole('button', { name: '计算截止时间' }).click();
    await rows.nth(before).waitFor();
    return (await form.getByTestId('deadline-due').getAttribute('data-due'))!;
  };

  t.test('工作日历: holidays from the API, the missing-year warning, an override moving a deadline', async (t) => {
    await ctx.services.regions.ensureRegion('huojia', '获嘉县');
    const page = await ui.signIn('admin', TEST_ADMIN_PASSWORD);
    await page.goto('/#/admin/calendar');
    await page.getByLabel('区域', { exact: true }).selectOption('huojia');
    await page.getByRole('heading', { name: '2026 年', exact: true }).waitFor();
    await page.locator('.year-grid td[data-date="2026-12-31"]').waitFor();

    const schedule = (await getJson<{ holidays: string[]; workdays: string[]; source: string }>('/api/calendar/regions/huojia/years/2026')).body;
    t.ok(schedule.holidays.includes('2026-10-01'), 'National Day 2026 is a holiday in the API');
    t.ok(schedule.workdays.length > 0, 'the API lists make-up working days for 2026');
    await page.locator('.year-grid td[data-date="2026-10-01"][data-look="holiday"]').waitFor();
    const shown = await gridLooks(page);
    t.equal(Object.keys(shown).length, 365, 'the grid shows every day of 2026');
    t.same(Object.keys(shown).filter((d) => shown[d] === 'holiday').sort(), [...schedule.holidays].sort(), 'red days are exactly the API holidays');
    t.same(Object.keys(shown).filter((d) => shown[d] === 'makeup').sort(), [...schedule.workdays].sort(), 'blue days are exactly the make-up working days');
    t.equal(shown['2026-10-01'], 'holiday');
    t.equal(shown[schedule.workdays.find((d) => d.startsWith('2026-09') || d.startsWith('2026-10'))!], 'makeup', "National Day's make-up day is blue");

    // The warning follows the status: 2027 is not in chinese-days 1.5.7.
    const status = async () => (await getJson<{ regions: Array<{ missingNextYear: boolean; currentYear: number }> }>('/api/calendar/status?region=huojia')).body.regions[0]!;
    const warning = page.getByTestId('missing-next-year');
    const before = await status();
    t.equal(before.currentYear, 2026);
    t.equal(await warning.isVisible(), before.missingNextYear, 'the coming-year warning shows exactly when the status says 2027 is missing');
    if (before.missingNextYear) t.match(await warning.innerText(), /2027 年尚无节假日安排.*国务院办公厅/s, 'the warning names the year and what to load');
    await ui.screenshot(page, 'admin-calendar');

    // Loading 2027 through the page (JSON paste) removes the warning; removing the year brings it back.
    const load = page.getByRole('form', { name: '载入全年节假日安排' });
    await load.locator('summary').click();
    await load.getByLabel('JSON 内容').fill(JSON.stringify({ year: 2027, holidays: ['2027-01-01', '2027-10-01'], workdays: ['2027-09-26'] }));
    await load.getByRole('button', { name: '填入上方表格' }).click();
    await load.getByRole('button', { name: '载入该年安排' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认载入' }).click();
    await load.getByRole('status').waitFor();
    t.equal((await getJson<{ source: string }>('/api/calendar/regions/huojia/years/2027')).body.source, 'override', '2027 is stored as loaded');
    await warning.waitFor({ state: 'detached' });
    t.equal((await status()).missingNextYear, false, 'and the status agrees the warning is gone');
    await page.getByRole('button', { name: '删除载入的 2027 年安排' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认删除' }).click();
    await warning.waitFor();
    t.equal((await status()).missingNextYear, true, 'removing 2027 brings the warning back, as the status says');
    t.equal((await getJson('/api/calendar/regions/huojia/years/2027')).status, 404);
    await page.getByRole('button', { name: '回到本年' }).click();
    await page.getByRole('heading', { name: '2026 年', exact: true }).waitFor();

    // Deadline preview: 3 working days from Monday 2026-11-23 09:00.
    const api = async () => (await getJson<{ due: string }>('/api/calendar/regions/huojia/deadline?amount=3&unit=workingDays')).body.due;
    const dueBefore = await previewDue(page);
    t.equal(dueBefore, await api(), 'the preview shows the API deadline');

    // A county's own day off on Tuesday 2026-11-24, confirmed in the dialog.
    await page.locator('.year-grid td[data-date="2026-11-24"] button').click();
    const dayForm = page.getByRole('form', { name: '单日设置' });
    await t.resolveMatch(dayForm.getByLabel('日期').inputValue(), '2026-11-24');
    await dayForm.getByTestId('day-state').filter({ hasText: '无本地设置' }).waitFor();
    await dayForm.getByLabel('设置为').selectOption('holiday');
    await dayForm.getByLabel('说明').fill('县政府通知临时放假');
    await dayForm.getByRole('button', { name: '添加本地设置' }).click();
    const dialog = page.getByRole('dialog');
    t.match(await dialog.innerText(), /2026-11-24/, 'the dialog names the date');
    await dialog.getByRole('button', { name: '确认保存' }).click();
    await dayForm.getByRole('status').waitFor();
    const day = (await getJson<{ override: { kind: string; note?: string } | null; effective: { working: boolean } }>('/api/calendar/regions/huojia/days/2026-11-24')).body;
    t.same(day.override, { kind: 'holiday', note: '县政府通知临时放假' }, 'GET …/days/:date reports the override');
    t.equal(day.effective.working, false);
    await page.locator('.year-grid td[data-date="2026-11-24"].day-override').waitFor();
    t.equal((await gridLooks(page))['2026-11-24'], 'holiday', 'the grid shows the day off');
    await dayForm.scrollIntoViewIfNeeded();

    const dueWith = await previewDue(page);
    t.equal(dueWith, await api(), 'the preview follows the API after the change');
    t.not(dueWith, dueBefore, 'the day off moves the deadline');
    t.ok(new Date(dueWith) > new Date(dueBefore), 'later by the day off');
    await ui.screenshot(page, 'admin-calendar-override');

    // Removing it restores the day and the deadline.
    await dayForm.getByRole('button', { name: '删除本地设置' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认删除' }).click();
    await dayForm.getByRole('status').filter({ hasText: '已删除' }).waitFor();
    t.equal((await getJson<{ override: unknown }>('/api/calendar/regions/huojia/days/2026-11-24')).body.override, null, 'the override is gone');
    t.equal((await getJson<{ days: unknown[] }>('/api/calendar/regions/huojia/days')).body.days.length, 0);
    t.equal(await previewDue(page), dueBefore, 'the deadline is back to what it was');

    // The region's end of day: 17:30 moves the same deadline to 17:30 China time.
    const settings = page.getByRole('form', { name: '区域设置' });
    await t.resolveMatch(settings.getByLabel('每日截止时间').inputValue(), '18:00');
    await settings.getByLabel('每日截止时间').fill('17:30');
    await settings.getByRole('button', { name: '保存区域设置' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认保存' }).click();
    await settings.getByRole('status').waitFor();
    t.match((await getJson('/api/calendar/regions/huojia/settings')).body, { timeZone: 'Asia/Shanghai', endOfDay: '17:30' }, 'the settings are stored');
    const dueAt1730 = await previewDue(page);
    t.equal(dueAt1730, await api(), 'the preview follows the new end of day');
    t.match(dueAt1730, /T17:30:00/);
  });

  t.test('单位与用户: a unit and a handler through the page; sign-in, password reset, disabling; a bad input stores nothing', async (t) => {
    const page = await ui.signIn('admin', TEST_ADMIN_PASSWORD);
    await page.goto('/#/admin/users');
    await page.getByRole('tab', { name: '单位' }).click();
    const unitForm = page.getByRole('form', { name: '新建单位' });
    const unitsBefore = (await getJson<unknown[]>('/api/units')).body.length;

    // A unit id with a space: the service's 400 names the field, nothing is stored.
    await unitForm.getByLabel('单位编码').fill('fire brigade');
    await unitForm.getByLabel('单位名称').fill('县消防救援大队');
    await unitForm.getByRole('button', { name: '新建单位' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    t.match(await refusal.innerText(), /'id'/, `the message names the field: ${await refusal.innerText()}`);
    // An empty name, likewise.
    await unitForm.getByLabel('单位编码').fill('fire-brigade');
    await unitForm.getByLabel('单位名称').fill('');
    await unitForm.getByRole('button', { name: '新建单位' }).click();
    await page.getByRole('alert').filter({ hasText: "'name'" }).waitFor();
    t.equal((await getJson<unknown[]>('/api/units')).body.length, unitsBefore, 'no unit was stored');
    t.equal((await getJson('/api/units/fire-brigade')).status, 404);

    await unitForm.getByLabel('单位名称').fill('县消防救援大队');
    await unitForm.getByLabel('类别').selectOption('department');
    await unitForm.getByRole('button', { name: '新建单位' }).click();
    await page.getByRole('status').filter({ hasText: '已新建单位' }).waitFor();
    t.match((await getJson('/api/units/fire-brigade')).body, { id: 'fire-brigade', name: '县消防救援大队', kind: 'department', regionId: null }, 'the unit is stored');
    await page.locator('tr[data-unit="fire-brigade"]').waitFor();
    await page.getByRole('button', { name: '修改 县消防救援大队' }).click();
    const row = page.getByRole('row', { name: '修改单位 fire-brigade' });
    await row.getByLabel('单位名称').fill('县消防救援大队（应急）');
    await row.getByRole('button', { name: '保存' }).click();
    await page.locator('tr[data-unit="fire-brigade"]').filter({ hasText: '县消防救援大队（应急）' }).waitFor();
    t.equal((await getJson<{ name: string }>('/api/units/fire-brigade')).body.name, '县消防救援大队（应急）', 'a rename is stored (PATCH)');
    await ui.screenshot(page, 'admin-units');

    // A handler in the new unit.
    await page.getByRole('tab', { name: '用户' }).click();
    const userForm = page.getByRole('form', { name: '新建用户' });
    await userForm.getByLabel('用户名（登录名）').fill('zhangwei');
    await userForm.getByLabel('姓名').fill('张伟');
    await userForm.getByLabel('初始密码').fill('first-password-1');
    await userForm.getByLabel('所在单位').selectOption('fire-brigade');
    t.equal(await userForm.getByLabel('承办人').isChecked(), true, 'a new user is a handler unless changed');
    await userForm.getByRole('button', { name: '新建用户' }).click();
    await page.locator('tr[data-user="zhangwei"]').waitFor();
    const listed = (await getJson<{ items: Array<{ id: string; username: string; displayName: string; unitId: string; roles: string[]; disabled: boolean }> }>('/api/users?unitId=fire-brigade')).body.items;
    t.same(listed.map(({ username, displayName, unitId, roles, disabled }) => ({ username, displayName, unitId, roles, disabled })), [
      { username: 'zhangwei', displayName: '张伟', unitId: 'fire-brigade', roles: ['handler'], disabled: false },
    ]);
    const filtered = page.waitForResponse((r) => r.url().includes('/api/users?') && r.url().includes('unitId=fire-brigade'));
    await page.getByLabel('按单位筛选').selectOption('fire-brigade');
    await filtered;
    const rows = page.getByRole('table', { name: '用户列表' }).locator('tbody tr');
    await rows.nth(1).waitFor({ state: 'detached' });
    t.same(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-user'))), ['zhangwei'], "the unit filter lists only the new unit's user");
    await ui.screenshot(page, 'admin-users');

    const handler = await ui.signIn('zhangwei', 'first-password-1');
    t.same(await handler.getByRole('navigation', { name: '主菜单' }).getByRole('link').allInnerTexts(), ['我的待办', '工单查询'], "the new user sees the handler's menu");
    t.match(await handler.getByTestId('whoami').innerText(), /张伟[\s\S]*承办人/);

    // Reset the password.
    await page.getByRole('button', { name: '打开用户 zhangwei' }).click();
    const editor = page.getByRole('region', { name: '用户 zhangwei' });
    await editor.getByLabel('新密码（8 位以上）').fill('second-password-2');
    await editor.getByRole('button', { name: '重置密码' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认重置' }).click();
    await editor.getByRole('status').filter({ hasText: '已重置' }).waitFor();
    await t.rejects(ctx.login('zhangwei', 'first-password-1'), 'the old password no longer works');
    await ui.signIn('zhangwei', 'second-password-2');
    t.pass('the new password signs in');

    // Roles: make the handler the unit's head too.
    await editor.getByRole('form', { name: '修改用户' }).getByLabel('单位负责人').check();
    await editor.getByRole('button', { name: '保存修改' }).click();
    await editor.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    t.same((await getJson<{ roles: string[] }>(`/api/users/${listed[0]!.id}`)).body.roles.sort(), ['handler', 'unit-head'], 'the roles are stored');
    await page.locator('tr[data-user="zhangwei"]').filter({ hasText: '承办人、单位负责人' }).waitFor();

    // Disable: a new sign-in fails with the service's message.
    await editor.getByRole('button', { name: '停用用户' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认停用' }).click();
    await editor.getByRole('status').filter({ hasText: '已停用' }).waitFor();
    t.equal((await getJson<{ disabled: boolean }>(`/api/users/${listed[0]!.id}`)).body.disabled, true, 'the user is stored as disabled');
    const refused = await ctx.rawInject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhangwei', password: 'second-password-2' } });
    t.equal(refused.statusCode, 403);
    const login = await ui.newPage();
    await login.goto('/');
    await login.getByLabel('用户名').fill('zhangwei');
    await login.getByLabel('密码').fill('second-password-2');
    await login.getByRole('button', { name: '登录' }).click();
    await login.getByRole('alert').waitFor();
    const message = (refused.json() as { message: string }).message;
    t.ok((await login.getByRole('alert').innerText()).includes(message), `the login form shows the service's refusal: ${message}`);
    t.equal(await login.getByTestId('whoami').count(), 0, 'and nobody is signed in');
  });
}
