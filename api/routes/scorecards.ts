import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { partnerScorecard } from '../../pipelines/kpi/partner-scorecard.ts';
import { PartnerScorecard, ScorecardQuery } from '../../pipelines/schema/scorecards.ts';
import { answerCache, cachedJson } from '../cached-json.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, ApiErrorBody } from '../errors.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const route = createRoute({
  method: 'get',
  path: '/partners/{partnerId}/scorecard',
  tags: ['partners'],
  summary: "A partner's scorecard: the headline KPIs and their monthly trend",
  request: {
    params: z.object({
      partnerId: z.string().min(1).max(128).meta({ example: 'P00011' }),
    }),
    query: ScorecardQuery,
  },
  responses: {
    200: {
      description: 'KPIs and trend of the partner under the filters',
      content: { 'application/json': { schema: PartnerScorecard } },
    },
    404: {
      description: 'No such partner, or none that works for your brands',
      content: { 'application/json': { schema: ApiErrorBody } },
    },
    ...errorResponses,
  },
});

export function scorecardRoutes(deps: AppDeps) {
  const cache = answerCache();
  return newRouter().openapi(route, async (c) => {
    const { partnerId } = c.req.valid('param');
    const q = c.req.valid('query');
    const scope = scopeOf(c);
    return cachedJson(c, deps, cache, 'scorecard', { partnerId, q }, async (conn) => {
      const card = await partnerScorecard(conn, partnerId, q, scope);
      if (!card) throw new ApiError(404, 'not_found', `No partner ${partnerId}`);
      return card;
    });
  });
}
