// Load runs of the API bench: autocannon against a server child (test/bench/api-server.ts), the
// child's CPU time over the run, and the load average beside every figure (the machine is shared).
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import type { ServerOrder } from './api-server.ts';

export interface ServerChild {
  readonly port: number;
  readonly child: ChildProcess;
  /** CPU seconds the child has used so far (user + system). */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

function nextMessage<T>(child: ChildProcess, pick: (m: unknown) => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      const found = pick(m);
      if (found === undefined) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(found);
    };
    const onExit = (code: number | null) => reject(new Error(`server child exited (${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts a server child; its stdout (the access log) goes to /dev/null, stderr to ours. */
export async function startServer(order: ServerOrder): Promise<ServerChild> {
  const child = fork(new URL('./api-server.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  child.send(order);
  const port = await nextMessage(child, (m) => (m as { port?: number }).port);
  return {
    port,
    child,
    cpuSeconds: async () => {
      child.send('cpu');
      const cpu = await nextMessage(child, (m) => (m as { cpu?: NodeJS.CpuUsage }).cpu);
      return (cpu.user + cpu.system) / 1e6;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

export interface LoadFigures {
  requests: number;
  requestsPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connection errors, time-outs and answers other than 2xx/304. */
  errors: number;
  /** Server CPU per request, microseconds (less sensitive to other load than wall time). */
  cpuUsPerRequest: number;
  loadavg1: number;
}

export interface LoadOptions {
  readonly paths: readonly string[];
  readonly headers: Record<string, string>;
  /** Seconds to run, or... */
  readonly seconds?: number;
  /** ...this many requests in all. */
  readonly amount?: number;
  readonly connections?: number;
}

/** One autocannon run cycling through `paths` (shared across the connections, round-robin). */
export async function runLoad(server: ServerChild, o: LoadOptions): Promise<LoadFigures> {
  let i = 0;
  const cpu0 = await server.cpuSeconds();
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections: Math.min(o.connections ?? 50, o.amount ?? Infinity),
    ...(o.amount ? { amount: o.amount } : { duration: o.seconds ?? 10 }),
    timeout: 30,
    requests: [
      {
        method: 'GET',
        headers: o.headers,
        setupRequest: (req) => ({ ...req, path: o.paths[i++ % o.paths.length] ?? '/' }),
      },
    ],
  });
  const cpu = (await server.cpuSeconds()) - cpu0;
  const total = result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  const bad = result.non2xx - result['3xx'];
  return {
    requests: total,
    requestsPerSec: Math.round(total / result.duration),
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts + bad,
    cpuUsPerRequest: total ? Math.round((cpu / total) * 1e6) : 0,
    loadavg1: Number(loadavg()[0]?.toFixed(2)),
  };
}
