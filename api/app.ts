import { OpenAPIHono } from '@hono/zod-openapi';
import { appSetup } from './app-setup.ts';
import { adviceRoutes } from './routes/advice.ts';
import { createGate, guardApi } from './auth/guard.ts';
import { errorBody, handleError } from './errors.ts';
import type { AppDeps } from './deps.ts';
import { docsUi } from './docs-ui.ts';
import { useHttpBehaviour } from './http-behaviour.ts';
import { documentSecurity } from './openapi-security.ts';
import { authRoutes } from './routes/auth.ts';
import { cohortRoutes } from './routes/cohorts.ts';
import { exportRoutes } from './routes/exports.ts';
import { filterRoutes } from './routes/filters.ts';
import { forecastRoutes } from './routes/forecasts.ts';
import { freshnessRoutes } from './routes/freshness.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { kpiRoutes } from './routes/kpis.ts';
import { mappingRoutes } from './routes/mappings.ts';
import { milestoneRoutes } from './routes/milestones.ts';
import { modelRoutes } from './routes/models.ts';
import { partnerRoutes } from './routes/partners.ts';
import { nodeReplay, type NodeReplay } from './replay/node-replay.ts';
import { policyImpactRoutes } from './routes/policy-impact.ts';
import { projectRoutes } from './routes/projects.ts';
import { scorecardRoutes } from './routes/scorecards.ts';
import { statusKpiRoutes } from './routes/status-kpis.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { signinRoutes } from './signin.ts';
import { webStatic } from './web-static.ts';

export type { AppDeps } from './deps.ts';

/** The whole HTTP application: API under /api, the dashboard everywhere else. No listening here. */
export function createApp(given: AppDeps) {
  return createServerApp(given).app;
}

/** The app, and the replay of its cached answers for the server to run first (api/listen.ts). */
export interface ServerApp {
  app: OpenAPIHono;
  replay: NodeReplay;
}

export function createServerApp(given: AppDeps): ServerApp {
  const log = given.log ?? ((msg, detail) => console.error(msg, detail));
  // Routes get `deps`, whose warehouse interrupts slow queries; only loads get the plain one.
  const { deps, authenticator, now, rateLimit, sessionTtlSeconds } = appSetup(given);
  const api = new OpenAPIHono();
  const memo = deps.dataVersion;
  const dataVersion = memo && (() => memo.current());
  const gate = createGate({ authenticator, rateLimit, nowMs: () => now().getTime(), dataVersion });
  guardApi(api, gate);
  api
    .route('/', healthRoutes(deps))
    .route('/', kpiRoutes(deps))
    .route('/', statusKpiRoutes(deps))
    .route('/', partnerRoutes(deps))
    .route('/', filterRoutes(deps))
    .route('/', cohortRoutes(deps))
    .route('/', scorecardRoutes(deps))
    .route('/', policyImpactRoutes(deps))
    .route('/', projectRoutes(deps))
    .route('/', milestoneRoutes(deps))
    .route('/', freshnessRoutes(deps))
    .route('/', exportRoutes(given.warehouse, deps.version))
    .route('/', forecastRoutes(deps))
    .route('/', adviceRoutes(deps))
    .route('/', modelRoutes(given))
    .route('/', mappingRoutes())
    .route('/', importRoutes(deps, given.warehouse))
    .route('/', authRoutes(deps, authenticator))
    .route('/', tokenRoutes(deps, authenticator, now));
  const security = documentSecurity(api);

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Milepost API',
      version: deps.version,
      description:
        'KPIs, forecasts and advice for milestone-based pricing. Errors share one shape: `{ "error": { "code", "message", "details"? } }`.',
    },
    servers: [{ url: '/api' }],
    security,
  });
  api.route('/docs', docsUi());
  // Sub-apps have no notFound of their own; without this the dashboard's fallback would answer.
  api.all('/*', (c) =>
    c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}`), 404),
  );

  const app = new OpenAPIHono();
  app.onError((err, c) => handleError(err, c, log));
  const accessLog = given.accessLog ?? (() => {});
  useHttpBehaviour(app, { log: accessLog, now });
  app.route('/auth', signinRoutes(deps, authenticator, { now, sessionTtlSeconds }));
  app.route('/api', api);
  if (deps.webRoot) app.route('/', webStatic(deps.webRoot));
  app.notFound((c) => c.json(errorBody('not_found', `Nothing at ${c.req.path}`), 404));
  return { app, replay: nodeReplay(gate, accessLog, now) };
}

export type App = ServerApp['app'];
