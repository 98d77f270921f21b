import { createRoute } from '@hono/zod-openapi';
import { freshness } from '../../pipelines/kpi/freshness.ts';
import { Freshness } from '../../pipelines/schema/freshness.ts';
import type { AppDeps } from '../deps.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const route = createRoute({
  method: 'get',
  path: '/freshness',
  tags: ['system'],
  summary: 'Data freshness: last load, as-of date, data version, model version',
  responses: {
    200: {
      description: 'How fresh the data behind every answer is',
      content: { 'application/json': { schema: Freshness } },
    },
    ...errorResponses,
  },
});

export function freshnessRoutes(deps: AppDeps) {
  return newRouter().openapi(route, async (c) => {
    const scope = scopeOf(c);
    const body = await deps.warehouse.withConnection((conn) => freshness(conn, scope));
    return c.json(body, 200);
  });
}
