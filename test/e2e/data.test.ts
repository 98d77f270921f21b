// The Data page in Chromium: upload an export with a mapping, see it in the load history, and browse
// its quarantined rows (filter by rule, download as CSV). Viewers cannot open the page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeInBrowser, useDashboard } from './support/dashboard.ts';
import { downloadText } from './support/downloads.ts';
import { firstBrand } from './support/server.ts';

describeInBrowser('data page in Chromium', () => {
  const dash = useDashboard();
  const dir = mkdtempSync(join(tmpdir(), 'milepost-e2e-upload-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the load history and the shipped mappings', async () => {
    const page = dash.page;
    await dash.goto('/data');
    await page.locator('[data-testid="load-history"][data-state="ready"]').waitFor();
    expect(await page.locator('[data-testid="load-history"] tbody tr').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('#upload-mapping option').allTextContents())
      .toEqual(expect.arrayContaining(['adb', 'sip', 'demo-milestones']));
  });

  it('uploads an export with its own mapping and reports every row', async () => {
    const page = dash.page;
    const brand = await firstBrand(dash.server);
    const csv = join(dir, 'tracker.csv');
    writeFileSync(
      csv,
      [
        'id,partner,due,done,amount',
        'E2E-1,P-E2E,2024-03-10,2024-03-12,100',
        'E2E-2,P-E2E,2024-03-15,,-1',
        'E2E-3,P-E2E,2024-02-30,,5',
      ].join('\n'),
    );
    // The user's own mapping, written by hand as YAML (JSON goes the same way: the API tests).
    const mapping = join(dir, 'tracker-mapping.yaml');
    writeFileSync(
      mapping,
      [
        'name: e2e-tracker',
        `brand: { constant: ${JSON.stringify(brand)} }`,
        'fields:',
        '  milestoneId: { column: id }',
        '  partnerId: { column: partner }',
        '  baselineDue: { column: due }',
        '  approvedDate: { column: done }',
        '  amount: { column: amount }',
      ].join('\n'),
    );
    await page.locator('#upload-file').setInputFiles(csv);
    await page.locator('#upload-mapping').selectOption('__custom__');
    await page.locator('#upload-mapping-file').setInputFiles(mapping);
    const answer = page.waitForResponse(
      (r) => r.url().endsWith('/api/imports') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    expect((await answer).status()).toBe(201);
    await expect
      .poll(() => page.getByTestId('import-equation').textContent())
      .toBe('3 read = 1 inserted + 0 updated + 0 unchanged + 2 quarantined');
    // The new load tops the history.
    const first = page.locator('[data-testid="load-history"] tbody tr').first();
    await expect.poll(() => first.textContent()).toContain('tracker.csv');
    await dash.screenshot('data');
    expect(await dash.axe()).toEqual([]);
  });

  it('browses the quarantined rows, filters by rule (kept in the URL) and downloads them', async () => {
    const page = dash.page;
    await page.getByRole('button', { name: 'Show the quarantined rows' }).click();
    await page.locator('[data-testid="quarantine"][data-state="ready"]').waitFor();
    const loadId = new URL(page.url()).searchParams.get('load');
    expect(loadId).toBeTruthy();
    const rows = page.locator('[data-testid="quarantine"] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const rules = await page
      .locator('#quarantine-rule option')
      .evaluateAll((options) =>
        options.map((o) => (o as unknown as { value: string }).value).filter(Boolean),
      );
    expect(rules.length).toBeGreaterThan(0);
    await page.locator('#quarantine-rule').selectOption(rules[0]!);
    await expect.poll(() => new URL(page.url()).searchParams.get('rule')).toBe(rules[0]);
    // One row broke each rule in this file.
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain(rules[0]!);

    const download = page.waitForEvent('download');
    await page.getByTestId('quarantine-csv').click();
    const text = await downloadText(await download);
    expect(text).toContain(rules[0]!);
    await dash.screenshot('data-quarantine');
    expect(await dash.axe()).toEqual([]);

    // A shared link opens the same view.
    const { context, page: other } = await dash.signedInContext();
    await other.goto(page.url());
    await other.locator('[data-testid="quarantine"][data-state="ready"]').waitFor();
    expect(await other.locator('#quarantine-rule').inputValue()).toBe(rules[0]);
    await context.close();
  });

  it('tells a viewer the page is not for their role', async () => {
    const token = await dash.createToken('viewer', [await firstBrand(dash.server)]);
    const { context, page } = await dash.signedInContext(token);
    await page.goto(`${dash.server.base}/data`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.locator('a[data-nav="data"]').count()).toBe(0);
    await context.close();
  });

  it('logged no errors in the browser', () => {
    expect(dash.pageErrors).toEqual([]);
  });
});
