// The Partners page in Chromium: scorecards with counts, a quarterly trend per partner, and a
// comparison whose partners and metric live in the URL.
import { expect, it } from 'vitest';
import { describeInBrowser, useDashboard } from './support/dashboard.ts';

describeInBrowser('partners page in Chromium', () => {
  const dash = useDashboard();

  it('compares the two busiest partners by default, with scorecards and a trend', async () => {
    const page = dash.page;
    await dash.goto('/partners');
    await page.locator('[data-testid="partner-compare"][data-state="ready"]').waitFor();
    const cards = page.getByTestId('scorecard');
    expect(await cards.count()).toBe(2);
    const onTime = await cards.first().locator('[data-kpi="onTimeRate"]').textContent();
    expect(onTime).toMatch(/\d+\.\d%\s*[\d,]+ of [\d,]+ completed/);
    const lines = page.locator('[data-testid="partner-compare-canvas"] svg path');
    await expect.poll(() => lines.count()).toBeGreaterThan(10);
    await dash.screenshot('partners');
    expect(await dash.axe()).toEqual([]);
  });

  it('adds a third partner, keeps the choice in the URL, and removes one again', async () => {
    const page = dash.page;
    const shown = await page
      .getByTestId('scorecard')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-partner')));
    const third = await page.locator('#partner-add option').nth(1).getAttribute('value');
    expect(third).toBeTruthy();
    const answer = page.waitForResponse((r) => r.url().includes(`/partners/${third}/scorecard`));
    await page.locator('#partner-add').selectOption(third ?? '');
    expect((await answer).ok()).toBe(true);
    await expect
      .poll(() => new URL(page.url()).searchParams.get('p'))
      .toBe([...shown, third].join(','));
    await expect.poll(() => page.getByTestId('scorecard').count()).toBe(3);

    await page.locator(`li[data-partner="${shown[0]}"]`).getByRole('button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('p')).toBe(`${shown[1]},${third}`);
    await expect.poll(() => page.getByTestId('scorecard').count()).toBe(2);
  });

  it('switches the trend to the dispute rate and shows it as a table', async () => {
    const page = dash.page;
    await page.locator('#partner-metric').selectOption('disputeRate');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('disputeRate');
    await expect
      .poll(() => page.locator('#partner-compare-title').textContent())
      .toBe('Dispute rate by quarter');
    await page
      .getByTestId('partner-compare')
      .getByRole('button', { name: 'Show as table' })
      .click();
    const table = page.getByTestId('partner-compare-table');
    await table.waitFor();
    expect(await table.locator('thead th').count()).toBe(3);
    expect(await table.locator('tbody tr').first().textContent()).toMatch(/of/);
  });

  it('logged no errors in the browser', () => {
    expect(dash.pageErrors).toEqual([]);
  });
});
