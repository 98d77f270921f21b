import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * Serves the built dashboard (adapter-static SPA). Hashed assets under /_app/immutable are cached
 * for a year; any other path that is not a file gets index.html so client-side routes work.
 */
export function webStatic(webRoot: string) {
  const app = new Hono();
  const index = join(webRoot, 'index.html');
  app.use('/_app/immutable/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('/*', serveStatic({ root: webRoot }));
  const serveIndex = serveStatic({ path: index });
  app.get('/*', async (c, next) => {
    if (!existsSync(index)) {
      return c.text('The dashboard is not built yet: run `npm run build:web`.', 503);
    }
    return (await serveIndex(c, next)) ?? c.notFound();
  });
  return app;
}
