import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerApp } from './app.ts';
import type { NodeReplay } from './replay/node-replay.ts';

/**
 * Listens with the app on @hono/node-server, behind the replay of cached answers: a request the
 * replay serves never reaches Hono (api/replay/node-replay.ts); every other one goes to the app.
 */
export function listen(
  { app, replay }: ServerApp,
  at: { port: number; hostname: string },
  onListening?: (info: AddressInfo) => void,
) {
  const withReplay = ((options: object, listener: RequestListener) =>
    createServer(options, replayFirst(replay, listener))) as typeof createServer;
  return serve({ fetch: app.fetch, ...at, createServer: withReplay }, onListening);
}

function replayFirst(replay: NodeReplay, app: RequestListener): RequestListener {
  return (req, res) => {
    replay(req, res).then(
      (served) => served || app(req, res),
      (err: unknown) => (res.headersSent ? res.destroy(err as Error) : app(req, res)),
    );
  };
}
