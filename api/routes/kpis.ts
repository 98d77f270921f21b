import { createRoute } from '@hono/zod-openapi';
import { kpiSummary } from '../../pipelines/kpi/kpi-summary.ts';
import { kpiTrend } from '../../pipelines/kpi/kpi-trend.ts';
import { KpiFilters, KpiSummary, KpiTrend } from '../../pipelines/schema/kpis.ts';
import { answerCache, cachedJson } from '../cached-json.ts';
import type { AppDeps } from '../deps.ts';
import { openapiExamples } from '../openapi-examples.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const summaryRoute = createRoute({
  method: 'get',
  path: '/kpis',
  tags: ['kpis'],
  summary: 'Headline KPIs: on-time rate, dispute rate, slip and payment lag, with counts',
  description:
    'Milestones are grouped by the month of their baseline due date (the cohort). Every rate carries its numerator and denominator.',
  request: { query: KpiFilters },
  responses: {
    200: {
      description: 'KPIs for the filter',
      content: { 'application/json': { schema: KpiSummary, example: openapiExamples.kpis } },
    },
    ...errorResponses,
  },
});

const trendRoute = createRoute({
  method: 'get',
  path: '/kpis/trend',
  tags: ['kpis'],
  summary: 'KPIs by cohort month',
  request: { query: KpiFilters },
  responses: {
    200: {
      description: 'One point per cohort month',
      content: { 'application/json': { schema: KpiTrend, example: openapiExamples.trend } },
    },
    ...errorResponses,
  },
});

// Answers come from the KPI marts and are cached per data version (api/cached-json.ts).
export function kpiRoutes(deps: AppDeps) {
  const cache = answerCache();
  return newRouter()
    .openapi(summaryRoute, async (c) => {
      const filters = c.req.valid('query');
      const scope = scopeOf(c);
      return cachedJson(c, deps, cache, 'kpis', filters, (conn) =>
        kpiSummary(conn, filters, scope),
      );
    })
    .openapi(trendRoute, async (c) => {
      const filters = c.req.valid('query');
      const scope = scopeOf(c);
      return cachedJson(c, deps, cache, 'trend', filters, (conn) => kpiTrend(conn, filters, scope));
    });
}
