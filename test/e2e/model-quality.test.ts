// The Model quality page in Chromium. The real server has a trained model but no backtest (that is
// a CLI run of minutes), so the scores, calibration and ledger charts are also checked against a
// stored answer of GET /api/models/quality from a demo backtest (test/fixtures/model-quality).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeInBrowser, useDashboard } from './support/dashboard.ts';
import { root } from './support/server.ts';

const slow = { timeout: 120_000 };
const fixture = readFileSync(join(root, 'test/fixtures/model-quality/quality.json'), 'utf8');

describeInBrowser('model-quality page in Chromium', () => {
  const dash = useDashboard();

  it('shows the model in service from the real server, and says no backtest has run', async () => {
    const page = dash.page;
    await dash.goto('/model-quality');
    await expect
      .poll(() => page.getByTestId('model-card').textContent(), slow)
      .toMatch(/Version \d+ · trained .* on [\d,]+ milestones/);
    await page.locator('[data-testid="backtest-scores"][data-state="empty"]').waitFor(slow);
    expect(await page.getByTestId('backtest-scores').textContent()).toContain('milepost backtest');
    expect(await dash.axe()).toEqual([]);
  });

  it('draws backtest scores beside the baselines, calibration and coverage', async () => {
    const page = dash.page;
    await page.route('**/api/models/quality', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: fixture }),
    );
    await dash.goto('/model-quality');
    await page.locator('[data-testid="backtest-scores"][data-state="ready"]').waitFor(slow);
    const legend = await page
      .locator('[data-testid="backtest-scores-canvas"] svg text')
      .allTextContents();
    expect(legend).toEqual(
      expect.arrayContaining(['Milepost model', 'Reference class', 'As planned']),
    );
    await page.locator('[data-testid="calibration-canvas"] svg').waitFor();
    await page.locator('[data-testid="coverage"][data-state="ready"]').waitFor();
    await dash.screenshot('model-quality');
    expect(await dash.axe()).toEqual([]);
  });

  it('choosing a score updates the chart, its table and the URL', async () => {
    const page = dash.page;
    await page.locator('#quality-metric').selectOption('auc_late');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('auc_late');
    await expect
      .poll(() => page.locator('#backtest-scores-title').textContent())
      .toContain('AUC, late');
    const cells = await page
      .locator('[data-testid="scores-table"] tbody tr')
      .first()
      .locator('td')
      .allTextContents();
    expect(cells.length).toBeGreaterThanOrEqual(3);
    for (const c of cells) expect(c).toMatch(/0\.\d+/);
    await page.locator('#quality-target').selectOption('p_late');
    await expect.poll(() => page.locator('#calibration-title').textContent()).toContain('P(late)');
    await page.unroute('**/api/models/quality');
  });

  it('logged no errors in the browser', () => {
    expect(dash.pageErrors).toEqual([]);
  });
});
