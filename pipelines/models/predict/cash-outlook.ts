import type { DuckDBConnection } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import { fromDayNumber, toDayNumber } from '../../calendar/iso-date.ts';
import { cashFlowForecast, type CashFlowContract } from '../../forecast/cash-flow.ts';
import { conditionOnSurvival } from '../../forecast/quantile-distribution.ts';
import type { CashFlowForecast } from '../../schema/forecasts.ts';
import { queryRows } from '../../warehouse/query.ts';
import type { ForecastContext } from './forecast-context.ts';

export interface CashQuery {
  brand?: string | undefined;
  partner?: string | undefined;
  weeks: number;
  runs: number;
  seed: number;
}

interface Unpaid {
  milestone_id: string;
  contract_id: string;
  brand_id: string;
  amount: number;
  amount_usd: number | null;
  currency: string;
  terms: number;
}

interface Habit {
  brand_id: string;
  late: number[] | null;
}

/**
 * Weekly P10/P50/P90 of the cash the open milestones will move: delivery from each milestone's
 * forecast (an approval date), then the contract's terms and the brand's own payment lateness
 * (its last 200 paid milestones). One currency when the selection has one, else USD.
 */
export async function cashOutlook(
  conn: DuckDBConnection,
  ctx: ForecastContext,
  q: CashQuery,
): Promise<CashFlowForecast> {
  const open = ctx.open.filter(
    (f) => (!q.brand || f.brandId === q.brand) && (!q.partner || f.partnerId === q.partner),
  );
  if (open.length === 0) return emptyOutlook(ctx, q);
  const ids = listValue(open.map((f) => f.milestoneId));
  const unpaid = await queryRows<Unpaid>(
    conn,
    `SELECT f.milestone_id, f.contract_id, f.brand_id, f.amount, f.amount_usd, f.currency,
            c.payment_terms_days AS terms
     FROM milestone_facts f JOIN contracts c USING (contract_id)
     WHERE list_contains($ids::VARCHAR[], f.milestone_id) AND f.paid_date IS NULL`,
    { ids },
  );
  if (unpaid.length === 0) return emptyOutlook(ctx, q);
  const habits = await queryRows<Habit>(
    conn,
    `SELECT brand_id,
            list(days_paid_late ORDER BY approved_date DESC)[1:200] AS late
     FROM milestone_facts WHERE list_contains($brands::VARCHAR[], brand_id) AND paid_date IS NOT NULL
     GROUP BY brand_id`,
    { brands: listValue([...new Set(unpaid.map((u) => u.brand_id))]) },
  );
  const habitOf = new Map(habits.map((h) => [h.brand_id, h]));
  const currencies = new Set(unpaid.map((u) => u.currency));
  const single = currencies.size <= 1;
  const asOf = toDayNumber(ctx.asOf);
  const byContract = new Map<
    string,
    CashFlowContract & { milestones: CashFlowContract['milestones'][number][] }
  >();
  for (const u of unpaid) {
    const f = ctx.byId.get(u.milestone_id);
    if (!f) continue;
    const start = toDayNumber(f.plannedStart);
    const age = (asOf - start) / f.plannedDays;
    const distribution = f.started ? conditionOnSurvival(f.distribution, age) : f.distribution;
    const habit = habitOf.get(u.brand_id);
    const contract = byContract.get(u.contract_id) ?? {
      milestones: [],
      termsDays: u.terms,
      // The forecast date is the approval date, so the review lag is already in it.
      verificationLagDays: [],
      lateDays: (habit?.late ?? []).filter((x) => x !== null),
    };
    contract.milestones.push({
      id: u.milestone_id,
      amount: single ? u.amount : (u.amount_usd ?? 0),
      delivery: {
        distribution,
        startDay: f.started ? start : Math.max(start, asOf),
        plannedDays: f.plannedDays,
      },
    });
    byContract.set(u.contract_id, contract);
  }
  const forecast = cashFlowForecast([...byContract.values()], {
    asOf,
    seed: q.seed,
    runs: q.runs,
    horizonWeeks: q.weeks,
  });
  const weeks = forecast.brand.cashOut.map((w, i) => {
    const c = forecast.brand.cumulativeOut[i];
    return {
      ...w,
      cumulativeP10: c?.p10 ?? 0,
      cumulativeP50: c?.p50 ?? 0,
      cumulativeP90: c?.p90 ?? 0,
    };
  });
  return {
    asOf: ctx.asOf,
    currency: single ? ([...currencies][0] ?? 'USD') : 'USD',
    modelVersion: ctx.version,
    runs: forecast.runs,
    weeks,
    openAmount: unpaid.reduce((s, u) => s + (single ? u.amount : (u.amount_usd ?? 0)), 0),
    milestones: unpaid.length,
  };
}

/** Nothing open in the selection: zero weeks of zero (a list of no ids cannot be bound). */
function emptyOutlook(ctx: ForecastContext, q: CashQuery): CashFlowForecast {
  const monday = toDayNumber(ctx.asOf) - ((toDayNumber(ctx.asOf) + 3) % 7);
  const zero = { p10: 0, p50: 0, p90: 0, cumulativeP10: 0, cumulativeP50: 0, cumulativeP90: 0 };
  return {
    asOf: ctx.asOf,
    currency: 'USD',
    modelVersion: ctx.version,
    runs: q.runs,
    weeks: Array.from({ length: q.weeks }, (_, w) => ({
      weekStart: fromDayNumber(monday + 7 * w),
      ...zero,
    })),
    openAmount: 0,
    milestones: 0,
  };
}
