import type { DuckDBConnection } from '@duckdb/node-api';
import { chinaCalendar, type Calendar } from '../calendar/index.ts';
import { dataAsOf } from '../kpi/data-as-of.ts';
import type { BrandScope } from '../kpi/filter-sql.ts';
import type { ForecastContext } from '../models/predict/forecast-context.ts';
import type { AdviceLang, IncentiveClauses, Plan } from '../schema/advice.ts';
import { queryRow } from '../warehouse/query.ts';
import { defaultCheckOptions, type CheckContext } from './check-context.ts';
import { loadContractPlan } from './contract-plan.ts';
import { draftTable } from './draft-table.ts';
import { loadHistory, type HistoryRow } from './history-rows.ts';
import { forecastPlan, type PlanMilestoneForecast } from './plan-forecast.ts';

export interface AdviceSource {
  contractId?: string | undefined;
  plan?: Plan | undefined;
}

/** A checked plan's context plus where it came from. */
export interface PreparedAdvice extends CheckContext {
  asOf: string;
  contractId: string | null;
  modelVersion: number | null;
  /** The stored contract's incentive clauses (absent for a draft plan). */
  clauses: IncentiveClauses | null;
  /** Forecasts another version of the plan the same way (the refined plan's re-check). */
  reforecast: (plan: Plan) => PlanMilestoneForecast[];
  /** The brand's days paid after approval + terms, newest 200 (empty: pays on terms). */
  lateDays: number[];
}

/** The plan to advise on, or undefined when the contract (or the plan's brand) is not the caller's. */
async function resolvePlan(conn: DuckDBConnection, source: AdviceSource, scope: BrandScope) {
  if (source.contractId !== undefined) return loadContractPlan(conn, source.contractId, scope);
  const plan = source.plan;
  if (!plan) return undefined;
  if (plan.brandId && scope && !scope.includes(plan.brandId)) return undefined;
  const brandId = plan.brandId ?? (scope?.length === 1 ? scope[0] : undefined);
  const known = new Set(plan.milestones.map((m) => m.id));
  const milestones = plan.milestones.map((m) => ({
    ...m,
    dependsOn: m.dependsOn.filter((d) => known.has(d) && d !== m.id),
  }));
  return { plan: { ...plan, ...(brandId ? { brandId } : {}), milestones }, clauses: null };
}

async function usdPerUnit(conn: DuckDBConnection, currency: string, asOf: string) {
  const row = await queryRow<{ r: number | null }>(
    conn,
    `SELECT arg_max(usd_per_unit, valid_from) AS r FROM fx_rates
     WHERE currency = $currency AND valid_from <= $asOf::DATE`,
    { currency, asOf },
  );
  return row?.r ?? (currency === 'USD' ? 1 : 0.14);
}

async function paymentLateness(conn: DuckDBConnection, brandId: string, asOf: string) {
  const row = await queryRow<{ late: number[] | null }>(
    conn,
    `SELECT list(days_paid_late::INTEGER ORDER BY approved_date DESC)[1:200] AS late
     FROM milestone_facts
     WHERE brand_id = $brandId AND paid_date <= $asOf::DATE AND days_paid_late IS NOT NULL`,
    { brandId, asOf },
  );
  return row?.late ?? [];
}

/** Forecasts a plan from the model (on a draft table) when there is one, else from history. */
function forecaster(
  history: HistoryRow[],
  calendar: Calendar,
  options: { confidence: number; forecast?: ForecastContext | undefined },
  money: { fx: number },
) {
  const f = options.forecast;
  return (p: Plan) => {
    const draft = f
      ? draftTable(p, f.table, { calendar, usdPerUnit: money.fx, brandId: p.brandId ?? '' })
      : undefined;
    const model = f && draft ? { model: f.model, draft } : {};
    return forecastPlan(p, { ...model, history }, { confidence: options.confidence });
  };
}

/**
 * Everything the advice needs: the plan (a stored contract as signed, or a draft), history of
 * the caller's brands as known on asOf (the contract's own milestones left out), and each
 * milestone's forecast from the trained model when there is one, else from similar history.
 */
export async function prepareAdvice(
  conn: DuckDBConnection,
  source: AdviceSource,
  options: {
    scope: BrandScope;
    confidence: number;
    lang?: AdviceLang | undefined;
    forecast?: ForecastContext | undefined;
    calendar?: Calendar;
  },
): Promise<PreparedAdvice | undefined> {
  const resolved = await resolvePlan(conn, source, options.scope);
  if (!resolved) return undefined;
  const { plan } = resolved;
  const calendar = options.calendar ?? chinaCalendar;
  const asOf =
    options.forecast?.asOf ??
    (await dataAsOf(conn, options.scope)) ??
    plan.milestones[0]!.plannedStart;
  const own = new Set(plan.milestones.map((m) => m.id));
  const history = (await loadHistory(conn, { asOf, scope: options.scope })).filter(
    (r) => !own.has(r.milestoneId) && r.contractId !== source.contractId,
  );
  const reforecast = forecaster(history, calendar, options, {
    fx: await usdPerUnit(conn, plan.currency, asOf),
  });
  return {
    plan,
    forecasts: reforecast(plan),
    history,
    calendar,
    options: { ...defaultCheckOptions, confidence: options.confidence, lang: options.lang ?? 'en' },
    asOf,
    contractId: source.contractId ?? null,
    modelVersion: options.forecast?.version ?? null,
    clauses: resolved.clauses,
    reforecast,
    lateDays: plan.brandId ? await paymentLateness(conn, plan.brandId, asOf) : [],
  };
}
