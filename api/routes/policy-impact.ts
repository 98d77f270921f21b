import { createRoute } from '@hono/zod-openapi';
import { policyImpact } from '../../pipelines/policy/policy-impact.ts';
import { PolicyImpact, PolicyImpactQuery } from '../../pipelines/schema/policy.ts';
import { answerCache, cachedJson } from '../cached-json.ts';
import type { AppDeps } from '../deps.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const route = createRoute({
  method: 'get',
  path: '/policy-impact',
  tags: ['kpis'],
  summary: 'Effect of switching to milestone pricing on the on-time and dispute rates',
  description:
    'Treated = brands with a switch in policy_changes (their first switch to milestone pricing), control = brands that never switched (within your brands only). Before/after by baseline due date and a stacked difference-in-differences, every rate with its counts and a 95% brand-clustered bootstrap interval (seeded). Filters as /kpis.',
  request: { query: PolicyImpactQuery },
  responses: {
    200: {
      description: 'Before/after and difference-in-differences with counts and intervals',
      content: { 'application/json': { schema: PolicyImpact } },
    },
    ...errorResponses,
  },
});

export function policyImpactRoutes(deps: AppDeps) {
  const cache = answerCache();
  return newRouter().openapi(route, async (c) => {
    const q = c.req.valid('query');
    const scope = scopeOf(c);
    return cachedJson(c, deps, cache, 'policy', q, (conn) => policyImpact(conn, q, scope));
  });
}
