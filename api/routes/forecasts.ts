import { createRoute, z } from '@hono/zod-openapi';
import { forecastRows } from '../../pipelines/models/predict/milestone-forecasts.ts';
import { atRiskList } from '../../pipelines/models/predict/at-risk.ts';
import { cashOutlook } from '../../pipelines/models/predict/cash-outlook.ts';
import {
  createForecastCache,
  type ForecastCache,
  type ForecastContext,
} from '../../pipelines/models/predict/forecast-context.ts';
import { partnerOverrides } from '../../pipelines/models/predict/partner-overrides.ts';
import { projectOutlook } from '../../pipelines/models/predict/project-outlook.ts';
import { projectListOutlook } from '../../pipelines/models/predict/project-list-outlook.ts';
import {
  AtRiskList,
  AtRiskQuery,
  CashFlowForecast,
  CashFlowQuery,
  MilestoneForecast,
  ProjectForecast,
  ProjectForecastList,
  ProjectForecastListQuery,
  ProjectForecastQuery,
  WhatIfQuery,
} from '../../pipelines/schema/forecasts.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, ApiErrorBody } from '../errors.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';
import type { Context } from 'hono';

const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(128)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'M0001002-14' }),
});

const notFoundResponse = {
  404: {
    description: 'Unknown id, one outside your brands, or no model trained yet (code no_model)',
    content: { 'application/json': { schema: ApiErrorBody } },
  },
  409: {
    description: 'The milestone is no longer open (code milestone_closed)',
    content: { 'application/json': { schema: ApiErrorBody } },
  },
} as const;

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errorResponses,
  ...notFoundResponse,
});

const milestoneRoute = createRoute({
  method: 'get',
  path: '/forecasts/milestones/{id}',
  tags: ['forecasts'],
  summary: 'Delivery-date distribution, P(on time), P(late) and P(dispute) of an open milestone',
  description:
    "P10-P95 delivery dates (conditional on the milestone still being open for work in flight), the calibrated risks and their main contributing factors. What-if: `dueDate` moves the due date, `partner` gives the work to another partner (their track record replaces this one's).",
  request: { params: IdParam, query: WhatIfQuery },
  responses: json(MilestoneForecast, 'The forecast'),
});

const projectRoute = createRoute({
  method: 'get',
  path: '/forecasts/projects/{id}',
  tags: ['forecasts'],
  summary: "Monte Carlo finish dates of a project and each milestone's criticality",
  request: { params: IdParam, query: ProjectForecastQuery },
  responses: json(
    ProjectForecast,
    'The project forecast (seeded: the same query gives the same answer)',
  ),
});

const projectListRoute = createRoute({
  method: 'get',
  path: '/forecasts/projects',
  tags: ['forecasts'],
  summary: 'Projects with open milestones, riskiest first, with their Monte Carlo finish dates',
  description:
    "Ranked by the highest P(late) among each project's open milestones; one page (`limit`, `offset`) is simulated with `runs` runs each.",
  request: { query: ProjectForecastListQuery },
  responses: json(ProjectForecastList, 'One page of project forecasts'),
});

const cashRoute = createRoute({
  method: 'get',
  path: '/forecasts/cash-flow',
  tags: ['forecasts'],
  summary: 'Weekly P10/P50/P90 payments the open milestones will move',
  request: { query: CashFlowQuery },
  responses: json(CashFlowForecast, 'Weekly cash-flow bands'),
});

const atRiskRoute = createRoute({
  method: 'get',
  path: '/forecasts/at-risk',
  tags: ['forecasts'],
  summary: 'Open milestones ranked by calibrated P(late) or P(dispute), with reasons',
  request: { query: AtRiskQuery },
  responses: json(AtRiskList, 'Ranked open milestones'),
});

async function context(deps: AppDeps, cache: ForecastCache, c: Context): Promise<ForecastContext> {
  const ctx = await deps.warehouse.withConnection((conn) => cache.get(conn, scopeOf(c)));
  if (!ctx)
    throw new ApiError(
      404,
      'no_model',
      'No forecasting model has been trained yet: run `milepost train` or POST /api/models/train.',
    );
  return ctx;
}

function openMilestone(ctx: ForecastContext, id: string): number {
  const row = ctx.rowOf.get(id);
  if (row === undefined) throw new ApiError(404, 'not_found', `No milestone ${id}`);
  if (!ctx.byId.has(id))
    throw new ApiError(
      409,
      'milestone_closed',
      `Milestone ${id} is no longer open (${ctx.table.meta.status[row] ?? 'closed'})`,
    );
  return row;
}

export function forecastRoutes(deps: AppDeps) {
  const cache = deps.forecastCache ?? createForecastCache();
  return newRouter()
    .openapi(milestoneRoute, async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const ctx = await context(deps, cache, c);
      const row = openMilestone(ctx, id);
      const features = q.partner ? partnerOverrides(ctx.table, q.partner) : undefined;
      if (q.partner && !features) throw new ApiError(404, 'not_found', `No partner ${q.partner}`);
      const what = {
        ...(q.dueDate ? { dueDate: q.dueDate } : {}),
        ...(features ? { features } : {}),
      };
      const [f] =
        q.dueDate || q.partner
          ? forecastRows(ctx.model, ctx.table, Int32Array.of(row), ctx.asOf, what)
          : [ctx.byId.get(id)];
      if (!f) throw new ApiError(404, 'not_found', `No milestone ${id}`);
      return c.json(
        {
          milestoneId: f.milestoneId,
          projectId: f.projectId,
          brandId: f.brandId,
          partnerId: q.partner ?? f.partnerId,
          status: f.status,
          plannedStart: f.plannedStart,
          baselineDue: f.baselineDue,
          dueDate: f.dueDate,
          asOf: ctx.asOf,
          modelVersion: ctx.version,
          delivery: f.delivery,
          pOnTime: f.pOnTime,
          pLate: f.pLate,
          pDispute: f.pDispute,
          lateFactors: f.lateFactors,
          disputeFactors: f.disputeFactors,
          conditionedOnAge: f.started,
        },
        200,
      );
    })
    .openapi(projectRoute, async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const ctx = await context(deps, cache, c);
      if (q.milestone) openMilestone(ctx, q.milestone);
      const features = q.partner ? partnerOverrides(ctx.table, q.partner) : undefined;
      if (q.partner && !features) throw new ApiError(404, 'not_found', `No partner ${q.partner}`);
      const overrides = {
        ...(q.dueDate ? { dueDate: q.dueDate } : {}),
        ...(features ? { features } : {}),
      };
      const body = await deps.warehouse.withConnection((conn) =>
        projectOutlook(conn, ctx, id, {
          runs: q.runs,
          seed: q.seed,
          deadline: q.deadline,
          milestone: q.milestone,
          overrides,
        }),
      );
      if (!body) throw new ApiError(404, 'not_found', `No project ${id}`);
      return c.json(body, 200);
    })
    .openapi(projectListRoute, async (c) => {
      const q = c.req.valid('query');
      const ctx = await context(deps, cache, c);
      const body = await deps.warehouse.withConnection((conn) => projectListOutlook(conn, ctx, q));
      return c.json(body, 200);
    })
    .openapi(cashRoute, async (c) => {
      const q = c.req.valid('query');
      const ctx = await context(deps, cache, c);
      const body = await deps.warehouse.withConnection((conn) => cashOutlook(conn, ctx, q));
      return c.json(body, 200);
    })
    .openapi(atRiskRoute, async (c) => {
      const q = c.req.valid('query');
      const ctx = await context(deps, cache, c);
      return c.json(atRiskList(ctx, q), 200);
    });
}
