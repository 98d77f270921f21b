// The planner's Forecasts page in Chromium against the real server: the project list, a drill-down
// into one project, the milestone drawer with a what-if, Chinese, and an axe check.
import { expect, it } from 'vitest';
import { join } from 'node:path';
import { describeInBrowser, screenshotDir, useDashboard } from './support/dashboard.ts';

const slow = { timeout: 120_000 };

describeInBrowser('forecasts page in Chromium', () => {
  const dash = useDashboard();

  it('lists projects with finish dates, the at-risk list and the age chart', async () => {
    const page = dash.page;
    await dash.goto('/forecasts');
    await page.locator('[data-testid="project-list"][data-state="ready"]').waitFor(slow);
    const rows = page.locator('[data-testid="project-table"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().locator('td').last().textContent()).toMatch(/^\s*\d{1,3}\.\d%\s*$/);
    expect(await rows.first().locator('td').nth(2).textContent()).toMatch(/\d{4}/);

    await page.locator('[data-testid="at-risk"][data-state="ready"]').waitFor(slow);
    const risks = page.locator('[data-testid="at-risk-table"] tbody tr');
    expect(await risks.count()).toBeGreaterThan(0);
    expect(await risks.first().locator('.reasons li').count()).toBeGreaterThan(0);

    await page.locator('[data-testid="age-chart"][data-state="ready"]').waitFor(slow);
    const dots = page.locator('[data-testid="age-chart-canvas"] svg path');
    await expect.poll(() => dots.count()).toBeGreaterThan(20);
    await dash.screenshot('forecasts');
    expect(await dash.axe()).toEqual([]);
  });

  it('drills into a project: URL, summary, finish CDF, progress fan and milestone timeline', async () => {
    const page = dash.page;
    const first = page.locator('[data-testid="project-table"] [data-project]').first();
    const id = await first.getAttribute('data-project');
    await first.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('project')).toBe(id);
    const chance = page.getByTestId('project-chance');
    await expect.poll(() => chance.textContent(), slow).toMatch(/\d+\.\d%/);
    await page.locator('[data-testid="finish-cdf-canvas"] svg').waitFor();
    await page.locator('[data-testid="milestone-timeline-canvas"] svg').waitFor();
    // The fan of milestones delivered per week: a labelled card with a described chart and table.
    const fan = page.getByRole('region', { name: 'Milestones delivered week by week' });
    await fan.locator('[data-testid="progress-fan-canvas"] svg').waitFor();
    await expect.poll(() => fan.locator('svg path').count()).toBeGreaterThan(3);
    expect(await fan.getAttribute('data-state')).toBe('ready');
    expect(await fan.locator('[role="img"]').getAttribute('aria-label')).toMatch(
      /^Fan chart of the share of milestones delivered each week from .+ to .+\./,
    );
    const weeks = fan.locator('table tbody tr');
    expect(await weeks.count()).toBeGreaterThan(0);
    expect(await weeks.last().locator('td').first().textContent()).toBe('100.0%');
    const box = await page.locator('[data-testid="milestone-timeline-canvas"] svg').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(500);
    // The table alternative lists the same milestones.
    expect(await page.locator('[data-testid="timeline-table"] tbody tr').count()).toBeGreaterThan(
      0,
    );
    // Its history (GET /api/projects/{id}): its milestones' events, payments and disputes.
    await page.locator('[data-testid="project-history"][data-state="ready"]').waitFor(slow);
    const history = page.locator('[data-testid="project-history-table"] tbody tr');
    expect(await history.count()).toBeGreaterThan(0);
    expect(await history.first().locator('[data-milestone]').count()).toBe(1);
    await dash.screenshot('forecasts-project');
    expect(await dash.axe()).toEqual([]);
  });

  it('opens a milestone drawer; moving its due date raises P(on time) and is kept in the URL', async () => {
    const page = dash.page;
    await page.locator('[data-testid="at-risk-table"] [data-milestone]').first().click();
    const drawer = page.getByTestId('milestone-drawer');
    await drawer.waitFor();
    await drawer.getByTestId('milestone-history').waitFor(slow);
    const onTime = drawer.getByTestId('p-on-time');
    await expect.poll(() => onTime.textContent(), slow).toMatch(/\d+\.\d%/);
    const before = parseFloat((await onTime.textContent()) ?? '');

    const slider = drawer.locator('#what-if-due');
    await slider.focus();
    await page.keyboard.press('End'); // +90 days
    await expect
      .poll(() => new URL(page.url()).searchParams.get('due'))
      .toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const effect = drawer.getByTestId('what-if-effect');
    await expect.poll(() => effect.textContent(), slow).toMatch(/P\(on time\) .* → .*%/);
    await expect
      .poll(async () => parseFloat((await onTime.textContent()) ?? ''), slow)
      .toBeGreaterThanOrEqual(before);
    await drawer.locator('[data-testid="delivery-chart-canvas"] svg').waitFor(slow);
    // The drawer is fixed to the viewport: a full-page picture would misplace it.
    await page.waitForTimeout(700);
    await page.screenshot({ path: join(screenshotDir, 'forecasts-drawer.png') });
    expect(await dash.axe()).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('milestone')).toBeNull();
    expect(new URL(page.url()).searchParams.get('due')).toBeNull();
  });

  it('a shared link restores the view; the at-risk list switches to disputes', async () => {
    const { context, page } = await dash.signedInContext();
    const url = new URL(dash.page.url());
    await page.goto(`${dash.server.base}/forecasts${url.search}`);
    await page.getByTestId('project-view').waitFor(slow);
    const answer = page.waitForResponse((r) => r.url().includes('risk=dispute'));
    await page.locator('#at-risk-kind').selectOption('dispute');
    expect((await answer).ok()).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('risk')).toBe('dispute');
    await context.close();
  });

  it('speaks Chinese with zh-CN dates', async () => {
    const { context, page } = await dash.signedInContext(undefined, { locale: 'zh-CN' });
    await page.goto(`${dash.server.base}/forecasts`);
    await page.locator('[data-testid="project-list"][data-state="ready"]').waitFor(slow);
    expect(await page.locator('h1').textContent()).toBe('预测');
    const cell = page.locator('[data-testid="project-table"] tbody tr td').nth(1);
    expect(await cell.textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    await dash.screenshot('forecasts-zh', page);
    await context.close();
  });

  it('logged no errors in the browser', () => {
    expect(dash.pageErrors).toEqual([]);
  });
});
