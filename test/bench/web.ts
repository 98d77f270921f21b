// npm run bench:web [-- --milestones 25000 --runs 7]
// Issue 7's dashboard targets on the demo warehouse `npm start` builds (25,000 milestones): the
// overview renders its data within 1.5 s of navigation, and the first page's JavaScript is under
// 400 KB gzipped. Real server, Debian's Chromium, a fresh browser context (empty cache) per run.
// Baseline in the same run: the two API answers the tiles and trend need, fetched by the same page
// (so the ratio is what the dashboard adds on top of the API). Last line: one JSON object.
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import type { Browser, Page, Response } from 'playwright-core';
import { launchBrowser } from '../e2e/support/chromium.ts';
import { buildDashboard, startServer, type TestServer } from '../e2e/support/server.ts';
import { median } from './median.ts';

const { values } = parseArgs({
  options: {
    milestones: { type: 'string', default: '25000' },
    runs: { type: 'string', default: '7' },
  },
});
const runs = Number(values.runs);

// Set before any page script: when the tiles and the trend chart first show data.
const markReady = `
  new MutationObserver((_, observer) => {
    const now = performance.now();
    if (!window.__tilesReady && document.querySelector('[data-testid="kpi-tiles"][data-state="ready"]'))
      window.__tilesReady = now;
    if (!window.__chartReady && document.querySelector('[data-testid="trend-chart-canvas"] svg path'))
      window.__chartReady = now;
    if (window.__tilesReady && window.__chartReady) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true });
`;

interface Run {
  tilesMs: number;
  chartMs: number;
  jsGzipBytes: number;
  jsFiles: number;
}

async function signedInPage(browser: Browser, server: TestServer): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // The sign-in link lands on the overview: keep that landing from asking the API (and so from
  // warming the server's answer cache before the measured navigation).
  await page.route('**/api/**', (route) => route.abort());
  await page.goto(`${server.base}/auth/signin?token=${server.adminToken}`);
  await page.unroute('**/api/**');
  // Leave the landing page, so nothing of it is still loading when the measured navigation starts.
  await page.goto('about:blank');
  return page;
}

/** One navigation to the overview in a fresh context: times from navigation start, JS loaded. */
async function overviewRun(browser: Browser, server: TestServer): Promise<Run> {
  const page = await signedInPage(browser, server);
  // A fresh cache for the measured navigation: what a first visit downloads.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await page.addInitScript(markReady);
  const scripts: Promise<number>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() === 'script' || response.url().endsWith('.js')) {
      // A body that can no longer be read counts as NaN, which the figures would show.
      const size = response.body().then((body) => gzipSync(body, { level: 9 }).length);
      scripts.push(size.catch(() => Number.NaN));
    }
  };
  page.on('response', onResponse);
  await page.goto(`${server.base}/`);
  // page.evaluate goes through DevTools, which the page's CSP (no eval) does not apply to.
  const deadline = Date.now() + 60_000;
  while (!(await page.evaluate('!!(window.__tilesReady && window.__chartReady)'))) {
    if (Date.now() > deadline) throw new Error('The overview did not show its data within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const [tilesMs, chartMs] = (await page.evaluate(
    '[window.__tilesReady, window.__chartReady]',
  )) as [number, number];
  page.off('response', onResponse);
  const sizes = await Promise.all(scripts);
  await page.context().close();
  return { tilesMs, chartMs, jsGzipBytes: sizes.reduce((a, b) => a + b, 0), jsFiles: sizes.length };
}

/** The API part alone: the two answers the tiles and the trend wait for, from the same origin. */
async function apiBaseline(browser: Browser, server: TestServer): Promise<number> {
  const page = await signedInPage(browser, server);
  await page.goto(`${server.base}/api/health`); // same origin, without the dashboard running
  const ms = (await page.evaluate(`(async () => {
    const t0 = performance.now();
    await Promise.all(['/api/kpis', '/api/kpis/trend'].map((u) =>
      fetch(u, { cache: 'no-store' }).then((r) => r.json())));
    return performance.now() - t0;
  })()`)) as number;
  await page.context().close();
  return ms;
}

buildDashboard();
const server = await startServer(Number(values.milestones));
const browser = await launchBrowser();
try {
  const cold = await overviewRun(browser, server); // first answers: the server's caches are empty
  const warm: Run[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    warm.push(await overviewRun(browser, server));
    baseline.push(await apiBaseline(browser, server));
  }
  const tiles = median(warm.map((r) => r.tilesMs));
  const api = median(baseline);
  const figures = {
    bench: 'web',
    milestones: Number(values.milestones),
    runs,
    overviewDataMsCold: Math.round(cold.tilesMs),
    overviewDataMsMedian: Math.round(tiles),
    overviewChartMsMedian: Math.round(median(warm.map((r) => r.chartMs))),
    apiBaselineMsMedian: Math.round(api),
    dataVsApiRatio: Math.round((tiles / api) * 10) / 10,
    firstPageJsGzipKB: Math.round(cold.jsGzipBytes / 1024),
    firstPageJsFiles: cold.jsFiles,
    targets: { overviewDataMs: 1500, firstPageJsGzipKB: 400 },
    pass: tiles <= 1500 && cold.tilesMs <= 1500 && cold.jsGzipBytes <= 400 * 1024,
  };
  console.log(
    `overview data in ${figures.overviewDataMsMedian} ms (median of ${runs}; cold ${figures.overviewDataMsCold} ms), ` +
      `chart ${figures.overviewChartMsMedian} ms, API alone ${figures.apiBaselineMsMedian} ms; ` +
      `first page JS ${figures.firstPageJsGzipKB} KB gzipped in ${figures.firstPageJsFiles} files`,
  );
  console.log(JSON.stringify(figures));
} finally {
  await browser.close();
  await server.stop();
}
