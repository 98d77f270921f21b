// The Cohorts page in Chromium: heatmap and table load, the grouping lives in the URL, and the export
// downloads the cohort table with the page's filters.
import { expect, it } from 'vitest';
import { describeInBrowser, useDashboard } from './support/dashboard.ts';
import { downloadBytes, downloadText } from './support/downloads.ts';
import { firstBrand } from './support/server.ts';

describeInBrowser('cohorts page in Chromium', () => {
  const dash = useDashboard();

  it('loads the heatmap and the table with data', async () => {
    const page = dash.page;
    await dash.goto('/cohorts');
    await page.locator('[data-testid="cohort-heatmap"][data-state="ready"]').waitFor();
    const cells = page.locator('[data-testid="cohort-heatmap-canvas"] svg path');
    await expect.poll(() => cells.count()).toBeGreaterThan(20);
    await page.locator('[data-testid="cohort-table"][data-state="ready"]').waitFor();
    const rows = page.locator('[data-testid="cohort-table"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    expect(await rows.first().textContent()).toMatch(/\d+\.\d% \([\d,]+ of [\d,]+\)/);
    expect(await page.locator('a[data-nav="cohorts"]').getAttribute('aria-current')).toBe('page');
    await dash.screenshot('cohorts');
    expect(await dash.axe()).toEqual([]);
  });

  it('changing the metric and rows updates the URL and reloads the heatmap', async () => {
    const page = dash.page;
    const answer = page.waitForResponse(
      (r) => r.url().includes('/api/cohorts/heatmap?') && r.url().includes('metric=slipP80'),
    );
    await page.locator('#cohort-metric').selectOption('slipP80');
    expect((await answer).ok()).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('slipP80');
    await page.locator('#cohort-rows').selectOption('milestoneType');
    await expect.poll(() => new URL(page.url()).searchParams.get('y')).toBe('milestoneType');
    await page.locator('[data-testid="cohort-table"][data-state="ready"]').waitFor();
    await expect
      .poll(() => page.locator('[data-testid="cohort-table"] thead th').first().textContent())
      .toBe('Milestone type');
    // The columns select cannot pick the rows' dimension.
    const disabled = page.locator('#cohort-columns option[value="milestoneType"]');
    expect(await disabled.isDisabled()).toBe(true);
    // The table alternative of the chart lists the same groups.
    await page.getByTestId('cohort-heatmap').getByRole('button', { name: 'Show as table' }).click();
    await page.getByTestId('cohort-heatmap-table').waitFor();
    expect(
      await page.getByTestId('cohort-heatmap-table').locator('tbody tr').count(),
    ).toBeGreaterThan(3);
  });

  it('downloads the cohort table as CSV with the current filters, and offers all four formats', async () => {
    const page = dash.page;
    const brand = await page.locator('#filter-brand option').nth(1).getAttribute('value');
    await page.locator('#filter-brand').selectOption(brand ?? '');
    await expect.poll(() => new URL(page.url()).searchParams.get('brand')).toBe(brand);
    const formats = await page
      .locator('[data-export]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('data-export')));
    expect(formats).toEqual(['csv', 'xlsx', 'parquet', 'arrow']);

    const download = page.waitForEvent('download');
    await page.locator('[data-export="csv"]').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const text = await downloadText(file);
    expect(text).toContain('# milepost.dataset: cohorts');
    expect(text).toContain(brand ?? 'missing');
    expect(text).toMatch(/milestoneType,cohortQuarter,/);

    const parquet = page.waitForEvent('download');
    await page.locator('[data-export="parquet"]').click();
    const bytes = await downloadBytes(await parquet);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PAR1');
  });

  it('tells a viewer that exports need another role', async () => {
    const { context, page } = await dash.signedInContext(
      await dash.createToken('viewer', [await firstBrand(dash.server)]),
    );
    await page.goto(`${dash.server.base}/cohorts`);
    await page.getByText('Exports need the analyst or admin role.').waitFor();
    expect(await page.locator('[data-export]').count()).toBe(0);
    await context.close();
  });

  it('logged no errors in the browser', () => {
    expect(dash.pageErrors).toEqual([]);
  });
});
