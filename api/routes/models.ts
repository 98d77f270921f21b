import { createRoute, z } from '@hono/zod-openapi';
import { modelQuality } from '../../pipelines/models/model-quality.ts';
import { trainAndStore } from '../../pipelines/models/train-and-store.ts';
import { ModelQuality } from '../../pipelines/schema/forecasts.ts';
import type { AppDeps } from '../deps.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const qualityRoute = createRoute({
  method: 'get',
  path: '/models/quality',
  tags: ['models'],
  summary:
    'The model in service and its backtest scores beside the baselines, with calibration curves',
  description:
    'Scores of the newest backtest run per source (`milepost backtest`): pinball loss, coverage and width for delivery quantiles; AUC, Brier score and log loss for probabilities; both baselines (as planned, reference class) beside the model. Backtests on the warehouse itself aggregate every brand and are shown to admins only.',
  responses: {
    200: {
      description: 'Model quality',
      content: { 'application/json': { schema: ModelQuality } },
    },
    ...errorResponses,
  },
});

const TrainResult = z
  .object({
    version: z.number().int(),
    asOf: z.string(),
    rows: z.number().int(),
    seconds: z.number(),
    snapshotted: z
      .number()
      .int()
      .describe('Open milestones whose forecasts the new model issued into the ledger'),
  })
  .meta({
    id: 'TrainResult',
    example: { version: 1, asOf: '2026-10-31', rows: 4122, seconds: 6.7, snapshotted: 612 },
  });

const trainRoute = createRoute({
  method: 'post',
  path: '/models/train',
  tags: ['models'],
  summary: 'Train a new model version on the whole warehouse (what `milepost train` does)',
  description:
    'Takes about 20 s on the demo warehouse. Forecasts switch to the new version when it is stored.',
  responses: {
    201: {
      description: 'The stored version',
      content: { 'application/json': { schema: TrainResult } },
    },
    ...errorResponses,
  },
});

export function modelRoutes(deps: AppDeps) {
  return newRouter()
    .openapi(qualityRoute, async (c) => {
      const body = await deps.warehouse.withConnection((conn) => modelQuality(conn, scopeOf(c)));
      return c.json(body, 200);
    })
    .openapi(trainRoute, async (c) => {
      const body = await deps.warehouse.withConnection((conn) => trainAndStore(conn));
      return c.json(body, 201);
    });
}
