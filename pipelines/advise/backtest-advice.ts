import type { DuckDBConnection } from '@duckdb/node-api';
import { chinaCalendar, type Calendar } from '../calendar/index.ts';
import { fromDayNumber, toDayNumber } from '../calendar/iso-date.ts';
import { dataAsOf } from '../kpi/data-as-of.ts';
import type { Plan } from '../schema/advice.ts';
import { queryRows } from '../warehouse/query.ts';
import type { MilestoneTable } from '../models/features/milestone-table.ts';
import type { ProductModel } from '../models/product-model.ts';
import { defaultCheckOptions } from './check-context.ts';
import { draftTable } from './draft-table.ts';
import { checkPlan } from './check-plan.ts';
import { loadContractPlan } from './contract-plan.ts';
import { moveDueDateSuggestions } from './move-due-dates.ts';
import { loadHistory, type HistoryRow } from './history-rows.ts';
import { forecastPlan } from './plan-forecast.ts';
import { milestoneInputs, outcomeGaps } from './backtest-applicability.ts';
import { backtestFigures, type BacktestFigures, type ScoredMilestone } from './backtest-figures.ts';

/** A model trained on history up to the cutoff, with its feature table as of the cutoff. */
export interface BacktestModel {
  model: ProductModel;
  table: MilestoneTable;
  usdPerUnit: Record<string, number>;
}

export interface AdviceBacktestOptions {
  /** Forecasts from this model instead of the reference class (similar past milestones). */
  model?: BacktestModel;
  /** Advice is given with history up to here; contracts starting on or after it are scored. */
  cutoff: string;
  /** Only contracts whose every milestone was due this many days before the data date. */
  settleDays?: number;
  confidence?: number;
  calendar?: Calendar;
  /**
   * `contracts` (default): contracts whose every milestone starts on or after the cutoff, checked
   * whole. `milestones`: each contract's milestones that start on or after the cutoff, checked
   * as one plan (for data whose "contract" is only a grouping, e.g. one per partner).
   */
  heldOut?: HeldOut;
}

export type HeldOut = 'contracts' | 'milestones';

export interface AdviceBacktest extends BacktestFigures {
  cutoff: string;
  forecasts: 'model' | 'reference_class';
  heldOut: HeldOut;
  asOf: string;
  contracts: number;
  confidence: number;
}

interface HeldOutPlan {
  id: string;
  /** The held-out milestones of the contract (null: all of them). */
  ids: string[] | null;
}

async function heldOutPlans(
  conn: DuckDBConnection,
  heldOut: HeldOut,
  cutoff: string,
  lastDue: string,
): Promise<HeldOutPlan[]> {
  if (heldOut === 'milestones')
    return queryRows<HeldOutPlan>(
      conn,
      `SELECT contract_id AS id, list(milestone_id ORDER BY milestone_id) AS ids
       FROM milestones WHERE status <> 'cancelled'
         AND coalesce(planned_start, baseline_due) >= $cutoff::DATE
         AND baseline_due <= $lastDue::DATE
       GROUP BY contract_id ORDER BY contract_id`,
      { cutoff, lastDue },
    );
  const rows = await queryRows<{ id: string }>(
    conn,
    `SELECT contract_id AS id FROM milestones WHERE status <> 'cancelled'
     GROUP BY contract_id
     HAVING min(coalesce(planned_start, baseline_due)) >= $cutoff::DATE
        AND max(baseline_due) <= $lastDue::DATE
     ORDER BY contract_id`,
    { cutoff, lastDue },
  );
  return rows.map((r) => ({ id: r.id, ids: null }));
}

/** The plan restricted to the held-out milestones (dependencies on the others dropped). */
function heldOutPart(plan: Plan, ids: string[] | null): Plan {
  if (!ids) return plan;
  const keep = new Set(ids);
  const milestones = plan.milestones
    .filter((m) => keep.has(m.id))
    .map((m) => ({ ...m, dependsOn: m.dependsOn.filter((d) => keep.has(d)) }));
  return { ...plan, milestones };
}

const met = (o: HistoryRow | undefined, day: string, asOf: string) => {
  if (!o) return null;
  if (o.approved !== null) return o.approved <= day;
  return asOf > day ? false : null;
};

interface BacktestContext {
  history: HistoryRow[];
  outcomes: Map<string, HistoryRow>;
  asOf: string;
  confidence: number;
  calendar: Calendar;
  model?: BacktestModel | undefined;
}

/** Forecasts as of the cutoff: the cutoff's model when given, else the reference class. */
function forecastsAtCutoff(plan: Plan, ctx: BacktestContext) {
  const m = ctx.model;
  const draft = m
    ? draftTable(plan, m.table, {
        calendar: ctx.calendar,
        usdPerUnit: plan.currency === 'USD' ? 1 : (m.usdPerUnit[plan.currency] ?? 0.14),
        brandId: plan.brandId ?? '',
      })
    : undefined;
  const model = m && draft ? { model: m.model, draft } : {};
  return forecastPlan(plan, { history: ctx.history, ...model }, { confidence: ctx.confidence });
}

/** Checks one held-out contract as signed, with history and forecasts from before the cutoff. */
async function scoreContract(
  conn: DuckDBConnection,
  held: HeldOutPlan,
  ctx: BacktestContext,
): Promise<ScoredMilestone[]> {
  const stored = await loadContractPlan(conn, held.id, null);
  if (!stored) return [];
  const plan = heldOutPart(stored.plan, held.ids);
  if (plan.milestones.length === 0) return [];
  const forecasts = forecastsAtCutoff(plan, ctx);
  const options = { ...defaultCheckOptions, confidence: ctx.confidence };
  const check = { plan, forecasts, history: ctx.history, calendar: ctx.calendar, options };
  const findings = checkPlan(check);
  const moved = new Map(
    moveDueDateSuggestions(check, findings).map((s) => [
      s.milestoneIds[0],
      { due: s.change[0]!.dueDate!, direct: s.change[0]!.plannedStart === undefined },
    ]),
  );
  return plan.milestones.map((m, i) => {
    const o = ctx.outcomes.get(m.id);
    const at = moved.get(m.id);
    return {
      kinds: findings.filter((f) => f.milestoneIds.at(-1) === m.id).map((f) => f.kind),
      inputs: milestoneInputs(plan, m),
      late: o?.late ?? null,
      disputed: o && (o.approved !== null || o.disputed) ? o.disputed : null,
      metConfidence: met(o, fromDayNumber(forecasts[i]!.days.conf), ctx.asOf),
      metMoved: at ? met(o, at.due, ctx.asOf) : null,
      metMovedDirect: at?.direct ? met(o, at.due, ctx.asOf) : null,
      metSigned: met(o, m.dueDate, ctx.asOf),
    };
  });
}

/**
 * Evidence that the advice is right: flagged milestones of contracts that started after the
 * cutoff slip and are disputed more often than unflagged ones, and due dates at the forecast
 * P80 are met about 80% of the time. Nothing after the cutoff is used to advise.
 */
export async function backtestAdvice(
  conn: DuckDBConnection,
  options: AdviceBacktestOptions,
): Promise<AdviceBacktest> {
  const asOf = (await dataAsOf(conn)) ?? options.cutoff;
  const confidence = options.confidence ?? 0.8;
  const lastDue = fromDayNumber(toDayNumber(asOf) - (options.settleDays ?? 90));
  const history = await loadHistory(conn, { asOf: options.cutoff, scope: null });
  const outcomes = new Map(
    (await loadHistory(conn, { asOf, scope: null })).map((r) => [r.milestoneId, r]),
  );
  const heldOut = options.heldOut ?? 'contracts';
  const plans = await heldOutPlans(conn, heldOut, options.cutoff, lastDue);
  const ctx = {
    history,
    outcomes,
    asOf,
    confidence,
    calendar: options.calendar ?? chinaCalendar,
    model: options.model,
  };
  const rows: ScoredMilestone[] = [];
  for (const held of plans) rows.push(...(await scoreContract(conn, held, ctx)));
  return {
    cutoff: options.cutoff,
    forecasts: options.model ? 'model' : 'reference_class',
    heldOut,
    asOf,
    contracts: plans.length,
    confidence,
    ...backtestFigures(rows, outcomeGaps(outcomes.values())),
  };
}
