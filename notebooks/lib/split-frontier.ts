// The payment-split advice (pipelines/advise: splitAnswer) shaped for reading: the contract to look
// at, frontiers as chart series (brand's P90 exposure across, partner's P90 gap up) and points as
// table rows in the contract's money.
import type { DuckDBConnection } from '@duckdb/node-api';
import { recommend } from '../../pipelines/advise/split-optimise.ts';
import type { SplitPointAdvice, SplitResponse } from '../../pipelines/schema/advice.ts';
import { queryRows } from '../../pipelines/warehouse/query.ts';

export interface SplitContract {
  contractId: string;
  milestones: number;
  open: number;
  value: number;
  currency: string;
  signedDate: string;
}

export interface SplitContractOptions {
  min?: number;
  max?: number;
  /** Only contracts in this currency (e.g. 'CNY'); any when absent. */
  currency?: string;
}

/**
 * A milestone-priced contract worth advising on: between `min` and `max` milestones, as many of
 * them still open as possible (ties: more milestones, then the id), so the split still matters.
 */
export async function splitContract(
  conn: DuckDBConnection,
  options: SplitContractOptions = {},
): Promise<SplitContract | null> {
  const [row] = await queryRows<SplitContract>(
    conn,
    `SELECT c.contract_id AS "contractId", count(*)::INTEGER AS milestones,
       count(*) FILTER (WHERE m.status NOT IN ('approved', 'cancelled', 'rejected'))::INTEGER AS open,
       c.value::DOUBLE AS value, c.currency, strftime(c.signed_date, '%Y-%m-%d') AS "signedDate"
     FROM contracts c JOIN milestones m USING (contract_id)
     WHERE c.pricing_model = 'milestone' AND ($currency IS NULL OR c.currency = $currency)
     GROUP BY c.contract_id, c.value, c.currency, c.signed_date
     HAVING count(*) BETWEEN $min AND $max
     ORDER BY open DESC, milestones DESC, "contractId"
     LIMIT 1`,
    { min: options.min ?? 6, max: options.max ?? 12, currency: options.currency ?? null },
  );
  return row ?? null;
}

/** One frontier as a line: P90 exposure (x) against P90 gap (y), by rising exposure. */
export function frontierSeries(answer: SplitResponse, name: string, dashed = false) {
  return {
    name,
    points: answer.frontier.map((p) => [p.exposureP90, p.gapP90] as const),
    dashed,
  };
}

/** A single split as a one-point series (the current split, the recommended one). */
export function pointSeries(point: SplitPointAdvice, name: string) {
  return { name, points: [[point.exposureP90, point.gapP90] as const] };
}

const money = (v: number) => Math.round(v).toLocaleString('en-US');

/** A split as a table row: deposit, retention, the shares, both sides' P90 and mean peaks. */
export function splitRow(point: SplitPointAdvice, label?: string) {
  return {
    ...(label === undefined ? {} : { split: label }),
    'deposit %': point.depositPct,
    'retention %': point.retentionPct,
    'shares % (in plan order)': point.shares.map((s) => s.sharePct.toFixed(1)).join(' · '),
    'brand exposure P90': money(point.exposureP90),
    'partner gap P90': money(point.gapP90),
    'exposure mean': money(point.exposureMean),
    'gap mean': money(point.gapMean),
  };
}

/**
 * The point the optimiser would recommend on the same frontier with another brand weight
 * (pipelines/advise `recommend`): the weight only picks a point, it does not move the frontier,
 * so there is no need to optimise again.
 */
export function recommendOn(answer: SplitResponse, brandWeight: number): SplitPointAdvice {
  const points = answer.frontier.map((p) => ({ point: p, metrics: p }));
  return recommend(points, brandWeight).point;
}
