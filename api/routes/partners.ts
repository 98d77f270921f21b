import { createRoute } from '@hono/zod-openapi';
import { partnerRanking } from '../../pipelines/kpi/partner-ranking.ts';
import { PartnerRanking, PartnerRankingQuery } from '../../pipelines/schema/kpis.ts';
import { answerCache, cachedJson } from '../cached-json.ts';
import type { AppDeps } from '../deps.ts';
import { openapiExamples } from '../openapi-examples.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const route = createRoute({
  method: 'get',
  path: '/partners',
  tags: ['partners'],
  summary: 'Partner ranking by on-time rate, dispute rate or slip',
  description:
    'Partners with fewer than `minCompleted` completed milestones in the filter are left out, so that a single delivery does not top the list.',
  request: { query: PartnerRankingQuery },
  responses: {
    200: {
      description: 'Ranked partners',
      content: {
        'application/json': { schema: PartnerRanking, example: openapiExamples.partners },
      },
    },
    ...errorResponses,
  },
});

export function partnerRoutes(deps: AppDeps) {
  const cache = answerCache();
  return newRouter().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const scope = scopeOf(c);
    return cachedJson(c, deps, cache, 'partners', q, (conn) => partnerRanking(conn, q, q, scope));
  });
}
