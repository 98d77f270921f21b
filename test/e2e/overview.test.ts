// The overview page in a real browser against the real server: `milepost serve` on a small demo
// warehouse, driven by Debian's Chromium through playwright-core (never a downloaded browser).
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, useDashboard } from './support/dashboard.ts';
import { downloadBytes } from './support/downloads.ts';

describeInBrowser('overview page in Chromium', () => {
  const dash = useDashboard();

  it('asks for a token without a session, and signs in with a pasted one', async () => {
    const context = await dash.browser.newContext({ locale: 'en-US' });
    const fresh = await context.newPage();
    await fresh.goto(`${dash.server.base}/`);
    const form = fresh.getByTestId('sign-in');
    await form.waitFor();
    await form.locator('input[name="token"]').fill('mpt_not-a-real-token');
    await form.getByRole('button').click();
    await fresh.getByText('That token is not valid').waitFor();
    await fresh.getByTestId('sign-in').locator('input[name="token"]').fill(dash.server.adminToken);
    await fresh.getByTestId('sign-in').getByRole('button').click();
    await fresh.locator('[data-testid="kpi-tiles"][data-state="ready"]').waitFor();
    expect(new URL(fresh.url()).pathname).toBe('/');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'milepost_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
    await context.close();
  });

  it('shows KPI tiles with numbers, the trend chart and the partner ranking', async () => {
    const page = dash.page;
    expect(page.url()).toBe(`${dash.server.base}/`);
    await page.locator('[data-testid="kpi-tiles"][data-state="ready"]').waitFor();

    expect(await page.title()).toContain('Milepost');
    await expect.poll(() => page.getByTestId('as-of').textContent()).toMatch(/Data as of .*\d{4}/);

    const values = await page.getByTestId('kpi-value').allTextContents();
    expect(values).toHaveLength(6);
    for (const value of values) expect(value).toMatch(/\d/);
    expect(values[0]).toMatch(/^\d{1,3}\.\d%$/);
    expect(await tileDetail(page, 'onTimeRate')).toMatch(/^[\d,]+ of [\d,]+ completed$/);

    const chart = page.locator('[data-testid="trend-chart-canvas"] svg').first();
    await chart.waitFor();
    const box = await chart.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    expect(box?.height ?? 0).toBeGreaterThan(150);
    expect(await chart.locator('path').count()).toBeGreaterThan(5);

    await page.locator('[data-testid="partner-ranking"][data-state="ready"]').waitFor();
    const rows = page.locator('[data-testid="partner-table"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThanOrEqual(20);
    expect(await rows.first().textContent()).toMatch(/\d+\.\d%/);

    await dash.screenshot('overview');
    expect(await dash.axe()).toEqual([]);
  });

  it('shows each KPI’s change against the previous period, policy impact with counts and intervals, and top risks', async () => {
    const page = dash.page;
    const changes = page.getByTestId('kpi-change');
    await expect.poll(() => changes.count()).toBeGreaterThanOrEqual(4);
    expect(await changes.first().textContent()).toMatch(
      /Last 3 months: [+-]?\d+\.\d pts\s*vs \d+\.\d% \([\d,]+ of [\d,]+\) in \w{3} \d{4}/,
    );

    const policy = page.locator('[data-testid="policy-impact"][data-state="ready"]');
    await policy.waitFor();
    // Never a bare percentage: each rate with its counts and interval, each estimate with its CI.
    const cells = await policy.locator('.policy-metric tbody td').allTextContents();
    expect(cells.length).toBe(8);
    for (const cell of cells)
      expect(cell).toMatch(/^\d+\.\d% \([\d,]+ of [\d,]+; \d+\.\d%–\d+\.\d%\)$/);
    const did = await policy.getByTestId('policy-did').first().textContent();
    expect(did).toMatch(/^[+-]?\d+\.\d pts \(95% CI [+-]?\d+\.\d to [+-]?\d+\.\d\)$/);
    // The interval chart: drawn, summarised for screen readers, with a row per estimate in its table.
    const forest = policy.getByTestId('policy-forest');
    await forest.locator('[data-testid="policy-forest-canvas"] svg').first().waitFor();
    expect(await forest.locator('[data-chart]').getAttribute('aria-label')).toMatch(
      /On-time rate \(difference-in-differences\) changed by [+-]?\d+\.\d points \(95% interval [+-]?\d+\.\d to [+-]?\d+\.\d\): (not )?distinguishable from zero/,
    );
    expect(await forest.locator('[data-testid="policy-forest-table"] tbody tr').count()).toBe(4);

    const risks = page.locator('[data-testid="top-risks"][data-state="ready"]');
    await risks.waitFor();
    const rows = risks.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThanOrEqual(5);
    const link = rows.first().locator('a');
    expect(await link.getAttribute('href')).toMatch(/^\/forecasts\?project=.+&milestone=.+/);
    await dash.screenshot('overview');
  });

  it('a filter change updates the URL and re-renders the tiles with the new numbers', async () => {
    const page = dash.page;
    const brandSelect = page.locator('#filter-brand');
    await expect.poll(() => brandSelect.isEnabled()).toBe(true);
    const brand = await page.locator('#filter-brand option').nth(1).getAttribute('value');
    expect(brand).toBeTruthy();

    const kpisAnswer = page.waitForResponse(
      (r) => r.url().includes('/api/kpis?') && new URL(r.url()).searchParams.get('brand') === brand,
    );
    await brandSelect.selectOption(brand ?? '');
    const response = await kpisAnswer;
    expect(response.ok()).toBe(true);
    const summary = (await response.json()) as {
      onTimeRate: { numerator: number; denominator: number };
    };

    await expect.poll(() => new URL(page.url()).searchParams.get('brand')).toBe(brand);
    await page.locator('[data-testid="kpi-tiles"][data-state="ready"]:not(.dimmed)').waitFor();
    const count = new Intl.NumberFormat('en-US');
    await expect
      .poll(() => tileDetail(page, 'onTimeRate'))
      .toBe(
        `${count.format(summary.onTimeRate.numerator)} of ` +
          `${count.format(summary.onTimeRate.denominator)} completed`,
      );
    await page.locator('[data-testid="trend-chart-canvas"] svg').first().waitFor();
  });

  it('sorting the partner table by a column header updates the URL and aria-sort', async () => {
    const page = dash.page;
    const answer = page.waitForResponse(
      (r) => r.url().includes('/api/partners?') && r.url().includes('sort=name'),
    );
    await page.locator('button[data-sort-key="name"]').click();
    expect((await answer).ok()).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('name');
    const header = page.locator('th:has(button[data-sort-key="name"])');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await page.locator('[data-testid="partner-ranking"][data-state="ready"]').waitFor();
    // The filter chosen before survives the sort change.
    expect(new URL(page.url()).searchParams.get('brand')).toBeTruthy();
  });

  it('resetting the filters clears them from the URL and keeps the sort', async () => {
    const page = dash.page;
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('brand')).toBeNull();
    expect(new URL(page.url()).searchParams.get('sort')).toBe('name');
    await page.locator('[data-testid="kpi-tiles"][data-state="ready"]:not(.dimmed)').waitFor();
  });

  it('saves the trend chart as SVG and PNG', async () => {
    const page = dash.page;
    const shell = page.getByTestId('trend-chart');
    await shell.locator('[data-testid="trend-chart-canvas"] svg').first().waitFor();
    for (const format of ['svg', 'png'] as const) {
      const download = page.waitForEvent('download');
      await shell.locator(`button[data-save="${format}"]`).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`on-time-and-dispute-rate-by-cohort-month.${format}`);
      const bytes = await downloadBytes(file);
      if (format === 'svg') expect(bytes.toString('utf8')).toMatch(/^<svg[\s\S]*<\/svg>$/);
      else expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.length).toBeGreaterThan(2000);
    }
  });

  it('serves Swagger UI under the same Content-Security-Policy', async () => {
    const docs = await dash.browser.newPage();
    const errors: string[] = [];
    docs.on('pageerror', (error) => errors.push(error.message));
    docs.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const response = await docs.goto(`${dash.server.base}/api/docs`);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await docs.locator('.swagger-ui .info .title').waitFor();
    expect(await docs.locator('.swagger-ui .opblock').count()).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await docs.close();
  });

  it('logged no errors in the browser', () => {
    expect(dash.pageErrors).toEqual([]);
  });
});

async function tileDetail(page: Page, kpi: string): Promise<string> {
  const text = await page.locator(`[data-kpi="${kpi}"] .tile-detail`).textContent();
  return (text ?? '').trim();
}
