import type { DuckDBConnection } from '@duckdb/node-api';
import { chinaCalendar, type Calendar } from '../calendar/index.ts';
import { fromDayNumber, toDayNumber } from '../calendar/iso-date.ts';
import { dataAsOf } from '../kpi/data-as-of.ts';
import type { Finding, Plan } from '../schema/advice.ts';
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
import { riskRatio, wilson, type Proportion, type RiskRatio } from './rate-interval.ts';

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
}

/** One scored milestone of the held-out period. */
export interface ScoredMilestone {
  kinds: Finding['kind'][];
  late: boolean | null;
  disputed: boolean | null;
  /** Met the forecast at the confidence / the moved due date / the signed due date (null: open). */
  metConfidence: boolean | null;
  metMoved: boolean | null;
  /** The same, for milestones moved on their own forecast (not pushed by a moved predecessor). */
  metMovedDirect: boolean | null;
  metSigned: boolean | null;
}

export interface AdviceBacktest {
  cutoff: string;
  forecasts: 'model' | 'reference_class';
  asOf: string;
  contracts: number;
  milestones: number;
  confidence: number;
  slip: RiskRatio;
  dispute: RiskRatio;
  byKind: { kind: string; flagged: number; slip: RiskRatio; dispute: RiskRatio }[];
  /** Share delivered on or before the forecast at the confidence (all milestones). */
  coverage: Proportion;
  /** Share delivered on or before the due date a move suggestion set (moved milestones only). */
  movedCoverage: Proportion;
  /** The same, for moves not pushed by a moved predecessor (each at its own P80). */
  movedDirectCoverage: Proportion;
  /** Share delivered on or before the signed due date (the as-planned baseline). */
  signedCoverage: Proportion;
}

async function heldOutContracts(conn: DuckDBConnection, cutoff: string, lastDue: string) {
  const rows = await queryRows<{ id: string }>(
    conn,
    `SELECT contract_id AS id FROM milestones WHERE status <> 'cancelled'
     GROUP BY contract_id
     HAVING min(coalesce(planned_start, baseline_due)) >= $cutoff::DATE
        AND max(baseline_due) <= $lastDue::DATE
     ORDER BY contract_id`,
    { cutoff, lastDue },
  );
  return rows.map((r) => r.id);
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
  id: string,
  ctx: BacktestContext,
): Promise<ScoredMilestone[]> {
  const stored = await loadContractPlan(conn, id, null);
  if (!stored) return [];
  const { plan } = stored;
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
      late: o?.late ?? null,
      disputed: o && (o.approved !== null || o.disputed) ? o.disputed : null,
      metConfidence: met(o, fromDayNumber(forecasts[i]!.days.conf), ctx.asOf),
      metMoved: at ? met(o, at.due, ctx.asOf) : null,
      metMovedDirect: at?.direct ? met(o, at.due, ctx.asOf) : null,
      metSigned: met(o, m.dueDate, ctx.asOf),
    };
  });
}

function lift(
  rows: ScoredMilestone[],
  flagged: (r: ScoredMilestone) => boolean,
  y: 'late' | 'disputed',
) {
  const known = rows.filter((r) => r[y] !== null);
  const yes = known.filter(flagged);
  const no = known.filter((r) => !flagged(r));
  const hits = (xs: ScoredMilestone[]) => xs.filter((r) => r[y]).length;
  return riskRatio(hits(yes), yes.length, hits(no), no.length);
}

type Met = 'metConfidence' | 'metMoved' | 'metMovedDirect' | 'metSigned';
const share = (rows: ScoredMilestone[], k: Met) => {
  const known = rows.filter((r) => r[k] !== null);
  return wilson(known.filter((r) => r[k]).length, known.length);
};

function figures(rows: ScoredMilestone[]) {
  const any = (r: ScoredMilestone) => r.kinds.length > 0;
  const kinds = [...new Set(rows.flatMap((r) => r.kinds))].sort();
  return {
    milestones: rows.length,
    slip: lift(rows, any, 'late'),
    dispute: lift(rows, any, 'disputed'),
    byKind: kinds.map((kind) => {
      const has = (r: ScoredMilestone) => r.kinds.includes(kind);
      const flagged = rows.filter(has).length;
      return { kind, flagged, slip: lift(rows, has, 'late'), dispute: lift(rows, has, 'disputed') };
    }),
    coverage: share(rows, 'metConfidence'),
    movedCoverage: share(rows, 'metMoved'),
    movedDirectCoverage: share(rows, 'metMovedDirect'),
    signedCoverage: share(rows, 'metSigned'),
  };
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
  const ids = await heldOutContracts(conn, options.cutoff, lastDue);
  const ctx = {
    history,
    outcomes,
    asOf,
    confidence,
    calendar: options.calendar ?? chinaCalendar,
    model: options.model,
  };
  const rows: ScoredMilestone[] = [];
  for (const id of ids) rows.push(...(await scoreContract(conn, id, ctx)));
  return {
    cutoff: options.cutoff,
    forecasts: options.model ? 'model' : 'reference_class',
    asOf,
    contracts: ids.length,
    confidence,
    ...figures(rows),
  };
}
