import { createRoute } from '@hono/zod-openapi';
import { cohortHeatmap } from '../../pipelines/kpi/cohort-heatmap.ts';
import { cohortTable } from '../../pipelines/kpi/cohort-table.ts';
import {
  CohortHeatmap,
  CohortHeatmapQuery,
  CohortTable,
  CohortTableQuery,
} from '../../pipelines/schema/cohorts.ts';
import { answerCache, cachedJson } from '../cached-json.ts';
import type { AppDeps } from '../deps.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const tableRoute = createRoute({
  method: 'get',
  path: '/cohorts',
  tags: ['kpis'],
  summary: 'KPIs grouped by one or two dimensions (cohort month or quarter, brand, partner, ...)',
  description:
    'Each group has its counts, on-time and dispute rates (with numerator and denominator), slip quantiles (P50/P80/P90 days), median payment lag and the value of its milestones (one currency, else USD). Same filters as /kpis. Export it with /exports/cohorts.',
  request: { query: CohortTableQuery },
  responses: {
    200: {
      description: 'One page of groups, ordered by their keys',
      content: { 'application/json': { schema: CohortTable } },
    },
    ...errorResponses,
  },
});

const heatmapRoute = createRoute({
  method: 'get',
  path: '/cohorts/heatmap',
  tags: ['kpis'],
  summary: 'One cohort metric as an x by y matrix, with the count behind each cell',
  request: { query: CohortHeatmapQuery },
  responses: {
    200: {
      description: 'values[i][j] belongs to y.values[i] and x.values[j]',
      content: { 'application/json': { schema: CohortHeatmap } },
    },
    ...errorResponses,
  },
});

export function cohortRoutes(deps: AppDeps) {
  const cache = answerCache();
  return newRouter()
    .openapi(tableRoute, async (c) => {
      const q = c.req.valid('query');
      const scope = scopeOf(c);
      return cachedJson(c, deps, cache, 'cohorts', q, (conn) => cohortTable(conn, q, scope));
    })
    .openapi(heatmapRoute, async (c) => {
      const q = c.req.valid('query');
      const scope = scopeOf(c);
      return cachedJson(c, deps, cache, 'heatmap', q, (conn) => cohortHeatmap(conn, q, scope));
    });
}
