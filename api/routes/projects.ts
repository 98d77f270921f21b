import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { projectDetail } from '../../pipelines/lists/project-detail.ts';
import { projectList } from '../../pipelines/lists/project-list.ts';
import { ProjectDetail, ProjectList, ProjectListQuery } from '../../pipelines/schema/lists.ts';
import { answerCache, cachedJson } from '../cached-json.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, ApiErrorBody } from '../errors.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/projects',
  tags: ['lists'],
  summary: 'Projects with milestones in the filter: paged, sorted, with counts',
  request: { query: ProjectListQuery },
  responses: {
    200: {
      description: 'One page of projects',
      content: { 'application/json': { schema: ProjectList } },
    },
    ...errorResponses,
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/projects/{projectId}',
  tags: ['lists'],
  summary: 'A project with its counts, milestones and history (events, payments, disputes)',
  request: {
    params: z.object({ projectId: z.string().min(1).max(128).meta({ example: 'J000045' }) }),
  },
  responses: {
    200: { description: 'The project', content: { 'application/json': { schema: ProjectDetail } } },
    404: {
      description: 'No such project, or not one of your brands',
      content: { 'application/json': { schema: ApiErrorBody } },
    },
    ...errorResponses,
  },
});

export function projectRoutes(deps: AppDeps) {
  const cache = answerCache();
  return newRouter()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const scope = scopeOf(c);
      return cachedJson(c, deps, cache, 'projects', q, (conn) => projectList(conn, q, scope));
    })
    .openapi(detailRoute, async (c) => {
      const { projectId } = c.req.valid('param');
      const scope = scopeOf(c);
      const body = await deps.warehouse.withConnection((conn) =>
        projectDetail(conn, projectId, scope),
      );
      if (!body) throw new ApiError(404, 'not_found', `No project ${projectId}`);
      return c.json(body, 200);
    });
}
