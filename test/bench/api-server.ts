// A child process of the API bench (test/bench/api.ts), so the load generator never shares an
// event loop with the server it measures. Two modes, told by the parent over IPC:
//   milepost  the real app (createServerApp and listen, as api/server.ts runs it), with its JSON
//             access log on stdout (the parent points stdout at /dev/null) and no rate limit
//   bare      a bare node:http handler answering every request with the same bytes and headers
// It answers { port } once listening, { cpu } to 'cpu', and stops on 'stop' (closing the warehouse).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServerApp } from '../../api/app.ts';
import { listen } from '../../api/listen.ts';
import { jsonLinesToStdout } from '../../api/middleware/access-log.ts';
import { openWarehouse } from '../../pipelines/warehouse/warehouse.ts';

export type ServerOrder =
  | { mode: 'milepost'; dbPath: string }
  | { mode: 'bare'; body: string; headers: Record<string, string> };

function send(message: unknown): void {
  process.send?.(message);
}

async function startMilepost(dbPath: string): Promise<void> {
  const warehouse = await openWarehouse(dbPath);
  const app = createServerApp({
    warehouse,
    version: 'bench',
    accessLog: jsonLinesToStdout,
    rateLimit: null,
    log: () => {},
  });
  const server = listen(app, { port: 0, hostname: '127.0.0.1' }, (info) =>
    send({ port: info.port }),
  );
  process.on('message', (m) => {
    if (m !== 'stop') return;
    server.close(() => void warehouse.close().then(() => process.exit(0)));
    (server as Server).closeAllConnections();
  });
}

function startBare(body: string, headers: Record<string, string>): void {
  const bytes = Buffer.from(body);
  const all = { ...headers, 'Content-Length': String(bytes.length) };
  const server = createServer((_req, res) => {
    res.writeHead(200, all);
    res.end(bytes);
  });
  server.listen(0, '127.0.0.1', () => send({ port: (server.address() as AddressInfo).port }));
  process.on('message', (m) => {
    if (m !== 'stop') return;
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

process.on('message', (m) => {
  if (m === 'cpu') send({ cpu: process.cpuUsage() });
});
process.once('message', (order: ServerOrder) => {
  if (order.mode === 'milepost') void startMilepost(order.dbPath);
  else startBare(order.body, order.headers);
});
