import t from 'tap';
import { startConsole, TEST_ADMIN_PASSWORD } from './support/browser.js';

const ui = await startConsole(t);
if (ui) {
  t.test('the console is served at / without credentials, its API is not', async (t) => {
    const page = await ui.rawFetch('/');
    t.equal(page.status, 200);
    t.match(page.headers.get('content-type') ?? '', /text\/html/);
    t.match(await page.text(), /<div id="app">/);
    t.equal((await ui.rawFetch('/api/ui/context')).status, 401, 'the context needs a signed-in user');
  });

  t.test('a wrong password is refused on the login form; the right one opens the role menu', async (t) => {
    const page = await ui.newPage();
    await page.goto('/');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').waitFor();
    t.match(await page.getByRole('alert').innerText(), /./, 'the service\'s refusal is shown');
    await ui.screenshot(page, 'login-refused');

    await page.getByLabel('密码').fill(TEST_ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('whoami').waitFor();
    const menu = await page.getByRole('navigation', { name: '主菜单' }).getByRole('link').allInnerTexts();
    t.same(menu, ['我的待办', '工单受理', '工单查询', '统计分析', '工作台账', '流程管理', '工作日历', '单位与用户'], 'an administrator sees every page');
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
  });

  t.test('an auditor sees only the reading pages', async (t) => {
    await ui.ctx.createUser({ username: 'shenji', roles: ['auditor'], displayName: '审计员' });
    const page = await ui.signIn('shenji', 'password-shenji');
    const menu = await page.getByRole('navigation', { name: '主菜单' }).getByRole('link').allInnerTexts();
    t.same(menu, ['工单查询', '统计分析', '工作台账']);
    await page.goto('/#/admin/processes');
    await page.waitForURL(/#\/dashboard$/);
    t.pass('an administrator\'s page sends an auditor home');
  });
}
