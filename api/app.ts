import { OpenAPIHono } from '@hono/zod-openapi';
import { errorBody, handleError } from './errors.ts';
import type { AppDeps } from './deps.ts';
import { docsUi } from './docs-ui.ts';
import { filterRoutes } from './routes/filters.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { kpiRoutes } from './routes/kpis.ts';
import { partnerRoutes } from './routes/partners.ts';
import { webStatic } from './web-static.ts';

export type { AppDeps } from './deps.ts';

/** The whole HTTP application: API under /api, the dashboard everywhere else. No listening here. */
export function createApp(deps: AppDeps) {
  const log = deps.log ?? ((msg, detail) => console.error(msg, detail));
  const api = new OpenAPIHono()
    .route('/', healthRoutes(deps))
    .route('/', kpiRoutes(deps))
    .route('/', partnerRoutes(deps))
    .route('/', filterRoutes(deps))
    .route('/', importRoutes(deps));

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Milepost API',
      version: deps.version,
      description:
        'KPIs, forecasts and advice for milestone-based pricing. Errors share one shape: `{ "error": { "code", "message", "details"? } }`.',
    },
    servers: [{ url: '/api' }],
  });
  api.route('/docs', docsUi());
  // Sub-apps have no notFound of their own; without this the dashboard's fallback would answer.
  api.all('/*', (c) =>
    c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404),
  );

  const app = new OpenAPIHono();
  app.onError((err, c) => handleError(err, c, log));
  app.route('/api', api);
  if (deps.webRoot) app.route('/', webStatic(deps.webRoot));
  app.notFound((c) => c.json(errorBody('not_found', `Nothing at ${c.req.path}`), 404));
  return app;
}

export type App = ReturnType<typeof createApp>;
