// The real server as a child process: SIGTERM while a request is in flight lets that request
// finish (and refuses new connections) before the process exits cleanly.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('graceful shutdown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'milepost-shutdown-'));
  let server: ChildProcess | undefined;
  let output = '';
  afterAll(() => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('finishes an in-flight upload after SIGTERM, then exits 0', { timeout: 120_000 }, async () => {
    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        MILEPOST_DB: join(dir, 'w.duckdb'),
        MILEPOST_DEMO_MILESTONES: '100',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    server.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    const exited = new Promise<number | null>((r) => server?.once('exit', (code) => r(code)));
    const token = await signInToken(() => output, 90_000);

    const boundary = 'milepost-slow-upload';
    const part = (name: string, extra = '') =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n`;
    const mapping = JSON.stringify({
      name: 'slow',
      brand: { constant: 'slowbrand' },
      fields: {
        milestoneId: { column: 'id' },
        partnerId: { column: 'p' },
        baselineDue: { column: 'due' },
      },
    });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/imports',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': `multipart/form-data; boundary=${boundary}`,
          },
        },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.write(`${part('mappingJson')}${mapping}\r\n`);
      req.write(`${part('file', '; filename="slow.csv"')}id,p,due\nS1,P1,2024-03-01\n`);
      void (async () => {
        await sleep(300);
        server?.kill('SIGTERM');
        await sleep(700);
        req.end(`S2,P1,2024-03-02\n\r\n--${boundary}--\r\n`);
      })();
    });

    await sleep(600); // SIGTERM has been sent; the upload is still open
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    const { status, body } = await answer;
    expect(status, body).toBe(201);
    expect(JSON.parse(body)).toMatchObject({ counts: { read: 2, inserted: 2 } });
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: finishing in-flight requests');
  });
});

async function signInToken(output: () => string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const m = /\/auth\/signin\?token=(mpt_[\w-]+)/.exec(output());
    if (m?.[1]) {
      await sleep(100);
      return m[1];
    }
    await sleep(100);
  }
  throw new Error(`The server printed no sign-in link:\n${output()}`);
}
