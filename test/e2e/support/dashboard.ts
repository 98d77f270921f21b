// One test file's dashboard: the real server on a demo warehouse, Chromium, and a page signed in as
// admin, set up once per file. Usage (see test/e2e/cohorts.test.ts):
//
//   describeInBrowser('cohorts page', () => {
//     const dash = useDashboard();
//     it('loads', async () => { await dash.goto('/cohorts'); ... await dash.screenshot('cohorts'); });
//   });
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Role } from '../../../pipelines/auth/roles.ts';
import { seriousViolations, type AxeViolation } from './axe.ts';
import { launchBrowser, skipBrowserTests, warnIfSkipped } from './chromium.ts';
import { buildDashboard, root, startServer, type TestServer } from './server.ts';

export const screenshotDir = join(root, 'test-results', 'screenshots');

/** A describe block that needs Chromium: skipped (with a warning) only outside CI. */
export function describeInBrowser(title: string, body: () => void): void {
  warnIfSkipped(title);
  describe.skipIf(skipBrowserTests)(title, body);
}

export interface Dashboard {
  readonly server: TestServer;
  readonly browser: Browser;
  /** Signed in as admin, 1280×900, en-US. */
  readonly page: Page;
  /** Uncaught errors and console errors of `page`; a test usually ends expecting []. */
  readonly pageErrors: string[];
  goto(path: string): Promise<void>;
  /** Full-page screenshot to test-results/screenshots/<name>.png; returns the path. */
  screenshot(name: string, target?: Page): Promise<string>;
  /** axe-core's serious and critical violations on the page as it is now. */
  axe(target?: Page): Promise<AxeViolation[]>;
  /** A token of another role (created through POST /api/tokens with the admin token). */
  createToken(role: Role, brands?: string[] | null): Promise<string>;
  /** A fresh browser context signed in with `token` (admin when omitted). */
  signedInContext(
    token?: string,
    options?: { locale?: string },
  ): Promise<{ context: BrowserContext; page: Page }>;
}

export interface DashboardOptions {
  /** Size of the demo warehouse. */
  milestones?: number;
}

/** Registers beforeAll/afterAll in the calling describe block and returns the live handles. */
export function useDashboard(options: DashboardOptions = {}): Dashboard {
  const state = {} as { server: TestServer; browser: Browser; page: Page };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    buildDashboard();
    state.server = await startServer(options.milestones);
    state.browser = await launchBrowser();
    const { page } = await signIn(state.browser, state.server, state.server.adminToken);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    state.page = page;
  });

  afterAll(async () => {
    await state.browser?.close();
    await state.server?.stop();
  });

  return {
    get server() {
      return state.server;
    },
    get browser() {
      return state.browser;
    },
    get page() {
      return state.page;
    },
    pageErrors,
    goto: async (path) => void (await state.page.goto(`${state.server.base}${path}`)),
    screenshot: (name, target) => saveScreenshot(target ?? state.page, name),
    axe: (target) => seriousViolations(target ?? state.page),
    createToken: (role, brands = null) => createToken(state.server, role, brands),
    signedInContext: (token, contextOptions) =>
      signIn(state.browser, state.server, token ?? state.server.adminToken, contextOptions),
  };
}

async function signIn(
  browser: Browser,
  server: TestServer,
  token: string,
  options: { locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: options.locale ?? 'en-US',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  // The sign-in link sets the session cookie and redirects to the dashboard without the token.
  await page.goto(`${server.base}/auth/signin?token=${encodeURIComponent(token)}`);
  return { context, page };
}

async function createToken(server: TestServer, role: Role, brands: string[] | null) {
  const response = await fetch(`${server.base}/api/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `e2e ${role}`, role, brands }),
  });
  if (!response.ok)
    throw new Error(`POST /api/tokens: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  // Let chart entry animations finish so the picture shows the final state.
  await page.waitForTimeout(700);
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
