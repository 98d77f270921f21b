import { createRoute } from '@hono/zod-openapi';
import { filterOptions } from '../../pipelines/kpi/filter-options.ts';
import { FilterOptions } from '../../pipelines/schema/kpis.ts';
import type { AppDeps } from '../deps.ts';
import { openapiExamples } from '../openapi-examples.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const route = createRoute({
  method: 'get',
  path: '/filters',
  tags: ['kpis'],
  summary: 'Values the filter controls can offer (brands, partners, types, months)',
  responses: {
    200: {
      description: 'Filter options',
      content: { 'application/json': { schema: FilterOptions, example: openapiExamples.filters } },
    },
    ...errorResponses,
  },
});

export function filterRoutes(deps: AppDeps) {
  return newRouter().openapi(route, async (c) => {
    const body = await deps.warehouse.withConnection((conn) => filterOptions(conn, scopeOf(c)));
    return c.json(body, 200);
  });
}
