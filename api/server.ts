// The only file that listens. `npm start` runs it (after building the dashboard if needed).
import { existsSync, readFileSync } from 'node:fs';
import { ensureAdminToken } from '../pipelines/auth/ensure-admin-token.ts';
import { signInUrl } from '../pipelines/auth/sign-in-url.ts';
import { readConfig, repoRoot } from '../pipelines/config.ts';
import { ensureDemoWarehouse } from '../pipelines/startup/ensure-demo.ts';
import { ensureMartsCurrent } from '../pipelines/warehouse/marts-queue.ts';
import { ensureModel } from '../pipelines/startup/ensure-model.ts';
import { progressBar } from '../pipelines/progress/progress-bar.ts';
import { openWarehouse } from '../pipelines/warehouse/warehouse.ts';
import { createServerApp } from './app.ts';
import { listen } from './listen.ts';
import { jsonLinesToStdout } from './middleware/access-log.ts';
import { readServerSettings } from './server-settings.ts';

const config = readConfig(process.env);
const settings = readServerSettings(process.env);
const version = (JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as { version: string })
  .version;
const started = performance.now();

const warehouse = await openWarehouse(config.dbPath).catch((err: Error) => {
  console.error(`Cannot open the warehouse ${config.dbPath}: ${err.message}`);
  console.error('Is another Milepost process using it? Only one process may open it for writing.');
  process.exit(1);
});

// A load killed between its COMMIT and its marts' COMMIT: the marts are rebuilt before serving.
if (await ensureMartsCurrent(warehouse)) console.error('The marts missed the last load: rebuilt.');
const progress = progressBar();
const created = await ensureDemoWarehouse(warehouse, {
  milestones: config.demoMilestones,
  seed: config.demoSeed,
  onProgress: progress,
  onStart: () => console.error(`First start: creating a demo warehouse at ${config.dbPath} ...`),
});
progress.stop();
await ensureModel(warehouse, {
  onStart: () =>
    console.error('No forecasting model yet: training one (about 20 s on the demo) ...'),
  onStep: (step) => console.error(`  training: ${step}`),
}).catch((err: Error) =>
  console.error(`Training skipped: ${err.message} (forecasts answer 404 until \`milepost train\`)`),
);
// First start (no usable token): an admin token, shown once in the sign-in link below.
const firstAdmin = await warehouse.withConnection((c) => ensureAdminToken(c, new Date()));

const webRoot = `${repoRoot}web/build`;
if (!existsSync(`${webRoot}/index.html`)) {
  console.error('The dashboard is not built: run `npm run build:web` (the API works without it).');
}
const app = createServerApp({
  warehouse,
  version,
  webRoot,
  accessLog: jsonLinesToStdout,
  ...settings,
});

const server = listen(app, { port: config.port, hostname: config.host }, (info) => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const what = created ? 'demo warehouse created' : 'warehouse reused';
  console.log(`Milepost is ready (${what}, ${seconds} s): http://${host}:${info.port}/`);
  console.log(`API docs: http://${host}:${info.port}/api/docs`);
  if (firstAdmin) {
    const url = signInUrl({ host: config.host, port: info.port }, firstAdmin.token);
    console.log(`Sign in as admin (this link is shown once; keep it private):\n  ${url}`);
  } else {
    console.log(
      'Sign in with a token: see docs/api.md (`milepost token create`, or POST /api/tokens).',
    );
  }
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.error(`${signal}: finishing in-flight requests, then stopping.`);
  server.close(() => {
    void warehouse.close().then(() => process.exit(0));
  });
  // Don't hang forever on a stuck connection.
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
