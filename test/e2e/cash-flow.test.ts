// The Cash flow page in Chromium against the real server: weekly P10/P50/P90 fan charts, the
// brand/partner views and the horizon kept in the URL, the table alternative, and an axe check.
import { expect, it } from 'vitest';
import { describeInBrowser, useDashboard } from './support/dashboard.ts';

const slow = { timeout: 120_000 };

describeInBrowser('cash-flow page in Chromium', () => {
  const dash = useDashboard();

  it('draws the weekly and cumulative fans with money in the tiles', async () => {
    const page = dash.page;
    await dash.goto('/cash-flow');
    await page.locator('[data-testid="cash-weekly"][data-state="ready"]').waitFor(slow);
    const values = await page.locator('[data-testid="cash-tiles"] .tile-value').allTextContents();
    expect(values).toHaveLength(4);
    for (const v of values) expect(v).toMatch(/\d/);
    expect(values[0]).toMatch(/^\s*(\$|US\$|€|CN¥)/);
    const chart = page.locator('[data-testid="cash-weekly-canvas"] svg').first();
    await chart.waitFor();
    expect(await chart.locator('path').count()).toBeGreaterThan(5);
    await page.locator('[data-testid="cash-cumulative-canvas"] svg').first().waitFor();
    await dash.screenshot('cash-flow');
    expect(await dash.axe()).toEqual([]);
  });

  it('the table alternative shows the same weeks', async () => {
    const page = dash.page;
    const shell = page.getByTestId('cash-weekly');
    await shell.getByRole('button', { name: 'Show as table' }).click();
    const rows = shell.locator('table tbody tr');
    expect(await rows.count()).toBe(26);
    expect(await rows.first().locator('td').nth(1).textContent()).toMatch(/\d/);
    await shell.getByRole('button', { name: 'Show as chart' }).click();
    await page.locator('[data-testid="cash-weekly-canvas"] svg').first().waitFor();
  });

  it('switches to a partner’s receipts and a 13-week horizon, kept in the URL', async () => {
    const page = dash.page;
    await page.getByLabel('Partner’s receipts (cash in)').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('partner');
    const select = page.locator('#cash-partner');
    await expect.poll(() => select.isEnabled()).toBe(true);
    const partner = await select.locator('option').nth(1).getAttribute('value');
    const answer = page.waitForResponse(
      (r) => r.url().includes('/api/forecasts/cash-flow') && r.url().includes(`partner=${partner}`),
    );
    await select.selectOption(partner ?? '');
    expect((await answer).ok()).toBe(true);
    const weeks = page.waitForResponse((r) => r.url().includes('weeks=14'));
    await page.locator('#cash-weeks').selectOption('13');
    expect((await weeks).ok()).toBe(true);
    const url = new URL(page.url());
    expect(url.searchParams.get('partner')).toBe(partner);
    expect(url.searchParams.get('weeks')).toBe('13');
    await page.locator('[data-testid="cash-weekly"]:not([data-state="loading"])').waitFor(slow);
    expect(await page.locator('#cash-weekly-title').textContent()).toContain('Partner’s receipts');
  });

  it('saves the weekly chart as SVG', async () => {
    const page = dash.page;
    await dash.goto('/cash-flow');
    const shell = page.getByTestId('cash-weekly');
    await page.locator('[data-testid="cash-weekly"][data-state="ready"]').waitFor(slow);
    const download = page.waitForEvent('download');
    await shell.getByRole('button', { name: /SVG/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.svg$/);
  });

  it('logged no errors in the browser', () => {
    expect(dash.pageErrors).toEqual([]);
  });
});
