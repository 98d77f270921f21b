import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { milestoneDetail } from '../../pipelines/lists/milestone-detail.ts';
import { milestoneList } from '../../pipelines/lists/milestone-list.ts';
import {
  MilestoneDetail,
  MilestoneList,
  MilestoneListQuery,
} from '../../pipelines/schema/lists.ts';
import { answerCache, cachedJson } from '../cached-json.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, ApiErrorBody } from '../errors.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/milestones',
  tags: ['lists'],
  summary: 'Milestones in the filter: paged and sorted (cancelled ones are left out)',
  request: { query: MilestoneListQuery },
  responses: {
    200: {
      description: 'One page of milestones',
      content: { 'application/json': { schema: MilestoneList } },
    },
    ...errorResponses,
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/milestones/{milestoneId}',
  tags: ['lists'],
  summary: 'A milestone with its events, payments and disputes',
  request: {
    params: z.object({ milestoneId: z.string().min(1).max(128).meta({ example: 'M0000123' }) }),
  },
  responses: {
    200: {
      description: 'The milestone and its history',
      content: { 'application/json': { schema: MilestoneDetail } },
    },
    404: {
      description: 'No such milestone, or not one of your brands',
      content: { 'application/json': { schema: ApiErrorBody } },
    },
    ...errorResponses,
  },
});

export function milestoneRoutes(deps: AppDeps) {
  const cache = answerCache();
  return newRouter()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const scope = scopeOf(c);
      return cachedJson(c, deps, cache, 'milestones', q, (conn) => milestoneList(conn, q, scope));
    })
    .openapi(detailRoute, async (c) => {
      const { milestoneId } = c.req.valid('param');
      const scope = scopeOf(c);
      const body = await deps.warehouse.withConnection((conn) =>
        milestoneDetail(conn, milestoneId, scope),
      );
      if (!body) throw new ApiError(404, 'not_found', `No milestone ${milestoneId}`);
      return c.json(body, 200);
    });
}
