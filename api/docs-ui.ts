import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

// Swagger UI from the local swagger-ui-dist package: a CDN-hosted UI would not load offline.
const require = createRequire(import.meta.url);
const distDir = dirname(require.resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Milepost API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

// A separate file rather than an inline script, so a strict Content-Security-Policy can apply.
// "Try it out" with the dashboard's session cookie: writes must echo the CSRF cookie as a header.
const init = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true,
  requestInterceptor: (req) => {
    const m = document.cookie.match(/(?:^|; )milepost_csrf=([^;]+)/);
    if (m) req.headers['X-CSRF-Token'] = decodeURIComponent(m[1]);
    return req;
  },
});`;

/** Mounted at /api/docs. */
export function docsUi() {
  const app = new Hono();
  app.get('/', (c) => c.html(page));
  app.get('/init.js', (c) =>
    c.body(init, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  app.use(
    '/*',
    serveStatic({ root: distDir, rewriteRequestPath: (p) => p.replace(/^\/api\/docs/, '') }),
  );
  return app;
}
