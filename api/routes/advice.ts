import type { z } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  checkAnswer,
  incentiveAnswer,
  refineAnswer,
  splitAnswer,
} from '../../pipelines/advise/advice-answers.ts';
import { prepareAdvice, type PreparedAdvice } from '../../pipelines/advise/prepare-advice.ts';
import { InfeasibleSplitError } from '../../pipelines/advise/split-optimise.ts';
import {
  createForecastCache,
  type ForecastCache,
} from '../../pipelines/models/predict/forecast-context.ts';
import {
  type AdviceLang,
  CheckRequest,
  CheckResponse,
  IncentiveRequest,
  IncentiveResponse,
  RefineRequest,
  RefineResponse,
  SplitRequest,
  SplitResponse,
} from '../../pipelines/schema/advice.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, ApiErrorBody } from '../errors.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const sourceNote =
  "Body: `{ contractId }` (a stored contract of your brands, as signed) or `{ plan }` (a draft in the editor's shape), not both. History and forecasts are those of your brands only; without a trained model, forecasts come from similar past milestones (reference class).";

const adviceRoute = <Req extends z.ZodType, Res extends z.ZodType>(
  path: string,
  summary: string,
  description: string,
  request: Req,
  response: Res,
) =>
  createRoute({
    method: 'post',
    path,
    tags: ['advice'],
    summary,
    description: `${description}\n\n${sourceNote}`,
    request: { body: { content: { 'application/json': { schema: request } }, required: true } },
    responses: {
      200: { description: 'The advice', content: { 'application/json': { schema: response } } },
      ...errorResponses,
      404: {
        description: 'No such contract, or one of a brand outside your scope (code not_found)',
        content: { 'application/json': { schema: ApiErrorBody } },
      },
      422: {
        description:
          'The constraints or clauses cannot be met (code infeasible or clauses_required)',
        content: { 'application/json': { schema: ApiErrorBody } },
      },
    },
  });

const checkRoute = adviceRoute(
  '/advice/check',
  "Check milestone definitions against the brand's history",
  "Findings, each with its evidence: a share too large, a type that has been highly variable, a due date on a day off, in a platform peak or before the forecast P50, acceptance criteria that are not measurable (English and Chinese), no review window, dependent milestones with no buffer. Also each milestone's forecast (P10-P90 and at the chosen confidence).",
  CheckRequest,
  CheckResponse,
);
const refineRoute = adviceRoute(
  '/advice/refine',
  'Suggest better milestone definitions: split, merge, move due dates, add review windows',
  'The findings, the suggestions (each with the replacement milestones or changed fields), the plan with all of them applied and what the check still finds in it.',
  RefineRequest,
  RefineResponse,
);
const splitRoute = adviceRoute(
  '/advice/split',
  'Optimise deposit, milestone shares and retention (Pareto frontier and a recommended point)',
  "Scores a grid of splits within the constraints by seeded Monte Carlo over the delivery forecasts: the brand's exposure (paid minus delivered value) against the partner's working-capital gap (cost incurred minus cash received), peak expected and P90 over the contract's life. Answers the frontier, the recommended point with its reasoning, and weekly figures for the current and recommended splits.",
  SplitRequest,
  SplitResponse,
);
const incentiveRoute = adviceRoute(
  '/advice/incentives',
  'Simulate early-delivery bonus and late-penalty clauses against the forecast',
  "Expected payout, P(bonus), P(penalty), P10/P90 of the net cost and the effect on the partner's cash. Caps are per contract; a cap of 0 means none. `clauses` defaults to the stored contract's own; a draft plan must give them.",
  IncentiveRequest,
  IncentiveResponse,
);

interface Body {
  contractId?: string | undefined;
  plan?: PreparedAdvice['plan'] | undefined;
  confidence?: number;
  lang?: AdviceLang;
}

async function prepared(deps: AppDeps, cache: ForecastCache, c: Context, body: Body) {
  const scope = scopeOf(c);
  const p = await deps.warehouse.withConnection(async (conn) =>
    prepareAdvice(conn, body, {
      scope,
      confidence: body.confidence ?? 0.8,
      lang: body.lang,
      forecast: await cache.get(conn, scope),
    }),
  );
  if (!p)
    throw new ApiError(
      404,
      'not_found',
      body.contractId !== undefined
        ? `No contract ${body.contractId}`
        : `No brand ${body.plan?.brandId ?? ''} in your scope`,
    );
  return p;
}

export function adviceRoutes(deps: AppDeps) {
  const cache = deps.forecastCache ?? createForecastCache();
  return newRouter()
    .openapi(checkRoute, async (c) => {
      const p = await prepared(deps, cache, c, c.req.valid('json'));
      return c.json(checkAnswer(p), 200);
    })
    .openapi(refineRoute, async (c) => {
      const p = await prepared(deps, cache, c, c.req.valid('json'));
      return c.json(refineAnswer(p), 200);
    })
    .openapi(splitRoute, async (c) => {
      const body = c.req.valid('json');
      const p = await prepared(deps, cache, c, body);
      try {
        return c.json(splitAnswer(p, body.constraints, { seed: body.seed, runs: body.runs }), 200);
      } catch (err) {
        if (err instanceof InfeasibleSplitError) throw new ApiError(422, 'infeasible', err.message);
        throw err;
      }
    })
    .openapi(incentiveRoute, async (c) => {
      const body = c.req.valid('json');
      const p = await prepared(deps, cache, c, body);
      const clauses = body.clauses ?? p.clauses;
      if (!clauses) throw new ApiError(422, 'clauses_required', 'Give clauses for a draft plan');
      return c.json(incentiveAnswer(p, clauses, { seed: body.seed, runs: body.runs }), 200);
    });
}
