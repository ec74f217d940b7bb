/**
 * Browser tests of the web console: a whole test service (startTestApp) listening on a free
 * port, and Debian's Chromium driven by playwright-core at 1366×768, zh-CN, China time.
 *
 *   const ui = await startConsole(t);            // skips the file when Chromium is missing
 *   const page = await ui.signIn('admin', TEST_ADMIN_PASSWORD);
 *   await ui.screenshot(page, 'admin-processes');  // test/screenshots/admin-processes.png
 *
 * A page's uncaught errors and failed /api or /engine-rest responses (5xx) fail the test: the
 * console must not hide a broken call behind a blank screen.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Test } from 'tap';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../../support/harness.js';
import type { Config } from '../../../src/config/index.js';

export { TEST_ADMIN_PASSWORD };

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve('test/screenshots');
const UI_DIR = resolve('dist/ui');

/** Flags from the machine notes: headless, as root, and no calls to Google's hosts. */
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Date inputs follow the browser's UI language, not the page's locale: show 年/月/日 as offices see them.
  '--lang=zh-CN',
];

export interface Console {
  ctx: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own sessionStorage) at 1366×768. */
  newPage(): Promise<Page>;
  /** Opens the console in a fresh context and signs in through the login form. */
  signIn(username: string, password: string): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  /** Plain HTTP to the service, no credentials. */
  rawFetch(path: string, init?: RequestInit): Promise<Response>;
}

/** The console must be built (npm test's pretest does it); a lone `npx tap` builds it here. */
async function ensureBuilt(): Promise<void> {
  if (existsSync(join(UI_DIR, 'index.html'))) return;
  const { buildUi } = (await import('../../../src/ui/build.mjs' as string)) as { buildUi: (o?: { out?: string }) => Promise<unknown> };
  await buildUi({ out: UI_DIR });
}

export async function startConsole(t: Test, options: { config?: Partial<Config> } = {}): Promise<Console | undefined> {
  if (!existsSync(CHROMIUM_PATH)) {
    t.plan(0, `Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH); .ci/run installs it`);
    return undefined;
  }
  await ensureBuilt();
  const ctx = await startTestApp({ config: { uiDir: UI_DIR, ...options.config } });
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ctx.app.server.address();
  if (!address || typeof address === 'string') throw new Error('test service did not listen on a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  t.teardown(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser.close().catch(() => undefined);
    await ctx.close();
  });

  const newPage = async () => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} from ${response.request().method()} ${response.url()}`);
    });
    return page;
  };

  t.teardown(() => {
    if (problems.length > 0) t.fail(`the console had problems:\n${problems.join('\n')}`);
  });

  const signIn = async (username: string, password: string) => {
    const page = await newPage();
    await page.goto('/');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('whoami').waitFor();
    return page;
  };

  const screenshot = async (page: Page, name: string) => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path, fullPage: false });
    return path;
  };

  const rawFetch = (path: string, init?: RequestInit) => fetch(`${baseUrl}${path}`, init);

  return { ctx, baseUrl, browser, newPage, signIn, screenshot, rawFetch };
}
