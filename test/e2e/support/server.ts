// The real server (`milepost serve`) on a fresh demo warehouse in a temporary folder, for one test file.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dashboardIsStale } from '../../../pipelines/commands/start.ts';
import { freePort } from '../../support/free-port.ts';

export const root = fileURLToPath(new URL('../../..', import.meta.url));
const SERVER_START_TIMEOUT_MS = 120_000;

export interface TestServer {
  base: string;
  /** The admin sign-in link printed on first start (the token is in its query). */
  signInUrl: string;
  adminToken: string;
  log(): string;
  stop(): Promise<void>;
}

/** Builds web/ when its sources are newer than web/build (as `milepost start` does). */
export function buildDashboard(): void {
  const fresh = process.env.MILEPOST_E2E_SKIP_BUILD === '1' || !dashboardIsStale();
  if (fresh && existsSync(join(root, 'web/build/index.html'))) return;
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`Building the dashboard failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export async function startServer(milestones = 3000): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'milepost-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const server = spawn(process.execPath, ['pipelines/milepost.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      MILEPOST_DB: join(dataDir, 'e2e.duckdb'),
      MILEPOST_DEMO_MILESTONES: String(milestones),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const log = () => output;
  const stop = async () => {
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base, server, log);
    const signInUrl = await printedSignInUrl(log);
    const adminToken = new URL(signInUrl).searchParams.get('token') ?? '';
    return { base, signInUrl, adminToken, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function printedSignInUrl(log: () => string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const found = /(http:\/\/\S+\/auth\/signin\?token=\S+)/.exec(log())?.[1];
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server printed no sign-in link:\n${log()}`);
}

async function waitForHealth(base: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`The server exited (${server.exitCode ?? server.signalCode}):\n${log()}`);
    }
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok && ((await response.json()) as { status?: string }).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer /api/health within 120 s:\n${log()}`);
}

async function stopProcess(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** The first brand the admin sees (demo brands are generated, so tests ask rather than guess). */
export async function firstBrand(server: { base: string; adminToken: string }): Promise<string> {
  const response = await fetch(`${server.base}/api/filters`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  return ((await response.json()) as { brands: { id: string }[] }).brands[0]!.id;
}
