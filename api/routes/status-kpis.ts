import { createRoute } from '@hono/zod-openapi';
import { earnedValue } from '../../pipelines/kpi/earned-value.ts';
import { timeToResolution } from '../../pipelines/kpi/time-to-resolution.ts';
import {
  EarnedValue,
  StatusKpiQuery,
  TimeToResolution,
} from '../../pipelines/schema/status-kpis.ts';
import { answerCache, cachedJson } from '../cached-json.ts';
import type { AppDeps } from '../deps.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const earnedValueRoute = createRoute({
  method: 'get',
  path: '/kpis/earned-value',
  tags: ['kpis'],
  summary: 'Earned value (milestone-weighted) at a status date: EV, PV and SPI with their parts',
  description:
    'EV = contract value x share of milestones approved by `asOf`; PV = the same for milestones whose baseline due is on or before `asOf`; SPI = EV / PV (null when PV is 0). Same filters as /kpis (from/to on the baseline due date) without `tolerance`.',
  request: { query: StatusKpiQuery },
  responses: {
    200: {
      description: 'Earned value for the filter',
      content: { 'application/json': { schema: EarnedValue } },
    },
    ...errorResponses,
  },
});

const resolutionRoute = createRoute({
  method: 'get',
  path: '/kpis/time-to-resolution',
  tags: ['kpis'],
  summary: 'Dispute time to resolution at a status date: resolved and open counts, median and P80',
  description:
    'Disputes opened on or before `asOf` on milestones passing the filter (from/to on the baseline due date, as for the dispute rate); time to resolution = resolved - opened, in days, over those resolved by `asOf`.',
  request: { query: StatusKpiQuery },
  responses: {
    200: {
      description: 'Time to resolution for the filter',
      content: { 'application/json': { schema: TimeToResolution } },
    },
    ...errorResponses,
  },
});

// Cached per data version like /kpis (api/cached-json.ts); the default status date moves only
// with a load, which changes the version too.
export function statusKpiRoutes(deps: AppDeps) {
  const cache = answerCache();
  return newRouter()
    .openapi(earnedValueRoute, async (c) => {
      const query = c.req.valid('query');
      const scope = scopeOf(c);
      return cachedJson(c, deps, cache, 'earned-value', query, (conn) =>
        earnedValue(conn, query, scope),
      );
    })
    .openapi(resolutionRoute, async (c) => {
      const query = c.req.valid('query');
      const scope = scopeOf(c);
      return cachedJson(c, deps, cache, 'time-to-resolution', query, (conn) =>
        timeToResolution(conn, query, scope),
      );
    });
}
