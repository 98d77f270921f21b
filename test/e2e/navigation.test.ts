// The shared frame of every page: navigation that follows the role, and the language switch that
// remembers the choice and formats numbers for the locale.
import { expect, it } from 'vitest';
import { describeInBrowser, useDashboard } from './support/dashboard.ts';
import { firstBrand } from './support/server.ts';

describeInBrowser('navigation and language in Chromium', () => {
  const dash = useDashboard();

  it('offers an admin all eight pages, marking the current one', async () => {
    const page = dash.page;
    const nav = page.getByTestId('main-nav');
    // Pages behind a permission appear once GET /api/me has answered.
    await nav.locator('a[data-nav="data"]').waitFor();
    expect(await nav.locator('a').count()).toBe(8);
    expect(await nav.locator('a[aria-current="page"]').getAttribute('data-nav')).toBe('overview');
  });

  it('works from the keyboard: the skip link first, then the navigation', async () => {
    const page = dash.page;
    await dash.goto('/cohorts');
    await page.locator('[data-testid="cohort-heatmap"][data-state="ready"]').waitFor();
    const focused = () => page.evaluate('document.activeElement?.textContent?.trim()');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
    // From the top again: skip link, brand, then the first page of the navigation.
    await dash.goto('/cohorts');
    await page.locator('a[data-nav="data"]').waitFor();
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Overview');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/forecasts');
  });

  it('hides Data and Advisor from a viewer', async () => {
    const token = await dash.createToken('viewer', [await firstBrand(dash.server)]);
    const { context, page } = await dash.signedInContext(token);
    const nav = page.getByTestId('main-nav');
    await nav.locator('a[data-nav="cohorts"]').waitFor();
    await expect
      .poll(() => nav.locator('a').evaluateAll((links) => links.map((a) => a.dataset.nav)))
      .toEqual(['overview', 'forecasts', 'cashFlow', 'partners', 'cohorts', 'modelQuality']);
    await context.close();
  });

  it('switches to Chinese, remembers it after a reload, and formats for zh-CN', async () => {
    const { context, page } = await dash.signedInContext();
    await page.locator('[data-testid="kpi-tiles"][data-state="ready"]').waitFor();
    await Promise.all([
      page.waitForEvent('load'),
      page.getByTestId('language-switch').selectOption('zh'),
    ]);
    await page.locator('[data-testid="kpi-tiles"][data-state="ready"]').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('总览');
    await expect.poll(() => page.getByTestId('as-of').textContent()).toMatch(/数据截至 \d{4}年/);

    await page.reload();
    await page.locator('[data-testid="kpi-tiles"][data-state="ready"]').waitFor();
    expect(await page.locator('a[data-nav="cohorts"]').textContent()).toBe('群组分析');
    await dash.screenshot('overview-zh', page);
    expect(await dash.axe(page)).toEqual([]);
    await context.close();
  });
});
