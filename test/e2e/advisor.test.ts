// The Advisor page in Chromium against the real server: advice on a stored contract, then on a draft
// plan from the editor with the payment-split sliders and the incentive simulator, and an axe check.
import { expect, it } from 'vitest';
import { describeInBrowser, useDashboard } from './support/dashboard.ts';

const slow = { timeout: 120_000 };

describeInBrowser('advisor page in Chromium', () => {
  const dash = useDashboard();

  it('checks a stored contract: findings with evidence and milestone forecasts', async () => {
    const page = dash.page;
    await dash.goto('/advisor');
    await page.getByTestId('advisor-empty').waitFor();
    const select = page.locator('#advice-contract');
    await expect.poll(() => select.isEnabled(), slow).toBe(true);
    const contract = await select.locator('option').nth(1).getAttribute('value');
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/advice/check'), slow);
    await select.selectOption(contract ?? '');
    expect((await answer).ok()).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('contract')).toBe(contract);
    await page.getByTestId('findings').waitFor(slow);
    expect(await page.locator('[data-testid="outlook"] tbody tr').count()).toBeGreaterThan(0);
    expect(await dash.axe()).toEqual([]);
  });

  it('advises on a draft plan: findings, the Pareto chart and the incentive figures', async () => {
    const page = dash.page;
    await page.getByLabel('A draft plan').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('plan');
    const checked = page.waitForResponse((r) => r.url().endsWith('/api/advice/check'), slow);
    await page.getByRole('button', { name: 'Check the plan' }).click();
    expect((await checked).ok()).toBe(true);
    // The example plan's last milestone has unmeasurable acceptance criteria ("品牌满意").
    await expect
      .poll(() => page.getByTestId('findings').textContent(), slow)
      .toContain('Criteria not measurable');
    await page.locator('[data-testid="pareto"][data-state="ready"]').waitFor(slow);
    expect(await page.getByTestId('split-reasoning').textContent()).toMatch(/deposit/i);
    await page.getByTestId('incentive-tiles').waitFor(slow);
    const tiles = await page
      .locator('[data-testid="incentive-tiles"] .tile-value')
      .allTextContents();
    expect(tiles).toHaveLength(6);
    for (const v of tiles) expect(v).toMatch(/\d/);
    await dash.screenshot('advisor');
    expect(await dash.axe()).toEqual([]);
  });

  it('the deposit slider re-optimises the split with the new constraint, kept in the URL', async () => {
    const page = dash.page;
    const answer = page.waitForRequest(
      (r) =>
        r.url().endsWith('/api/advice/split') &&
        (JSON.parse(r.postData() ?? '{}') as { constraints?: { maxDepositPct?: number } })
          .constraints?.maxDepositPct === 20,
    );
    const slider = page.locator('#split-deposit');
    await slider.focus();
    await page.keyboard.press('ArrowLeft'); // 30% -> 25%
    await page.keyboard.press('ArrowLeft'); // -> 20%
    await answer;
    await expect.poll(() => new URL(page.url()).searchParams.get('deposit')).toBe('20');
    await page
      .locator('[data-testid="pareto"][data-state="ready"]:not([aria-busy="true"])')
      .waitFor(slow);
    expect(await page.locator('label[for="split-deposit"]').textContent()).toContain('20%');
  });

  it('a new bonus per day re-runs the incentive simulation', async () => {
    const page = dash.page;
    const answer = page.waitForResponse(
      (r) =>
        r.url().endsWith('/api/advice/incentives') &&
        (JSON.parse(r.request().postData() ?? '{}') as { clauses?: { bonusPerDay?: number } })
          .clauses?.bonusPerDay === 2000,
      slow,
    );
    await page.locator('#clause-bonusPerDay').fill('2000');
    await page.locator('#clause-bonusPerDay').press('Enter');
    await page.locator('#clause-bonusPerDay').blur();
    expect((await answer).ok()).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('bonus')).toBe('2000');
  });

  it('in Chinese, asks for and shows Chinese findings and split reasoning', async () => {
    const { context, page } = await dash.signedInContext(undefined, { locale: 'zh-CN' });
    await page.goto(`${dash.server.base}/advisor?mode=plan`);
    const checked = page.waitForResponse((r) => r.url().endsWith('/api/advice/check'), slow);
    await page.getByRole('button', { name: '检查方案' }).click();
    const res = await checked;
    expect(res.ok()).toBe(true);
    expect((JSON.parse(res.request().postData() ?? '{}') as { lang?: string }).lang).toBe('zh');
    const message = page.locator('[data-testid="findings"] .message').first();
    await message.waitFor(slow);
    expect(await message.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.locator('[data-testid="pareto"][data-state="ready"]').waitFor(slow);
    expect(await page.getByTestId('split-reasoning').textContent()).toContain('权衡前沿');
    await dash.screenshot('advisor-zh', page);
    await context.close();
  });

  it('logged no errors in the browser', () => {
    expect(dash.pageErrors).toEqual([]);
  });
});
