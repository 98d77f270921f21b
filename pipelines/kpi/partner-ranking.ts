import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  KpiFilters,
  PartnerRanking,
  PartnerRankingQuery,
  PartnerRankingRow,
} from '../schema/kpis.ts';
import { queryRows } from '../warehouse/query.ts';
import { factFilterParams, factFilterSql, type BrandScope } from './filter-sql.ts';

// Sort keys map to fixed SQL expressions; user input never reaches the SQL text.
const orderBy: Record<PartnerRankingQuery['sort'], string> = {
  onTimeRate: 'on_time_rate',
  disputeRate: 'dispute_rate',
  medianSlipDays: 'median_slip',
  completed: 'completed',
  name: 'name',
};

const baseSql = `
WITH per_partner AS (
  SELECT
    f.partner_id,
    count(*)::INTEGER AS milestones,
    count(*) FILTER (WHERE completed)::INTEGER AS completed,
    count(*) FILTER (WHERE completed AND slip_days <= $tolerance)::INTEGER AS on_time,
    count(*) FILTER (WHERE submitted)::INTEGER AS submitted,
    count(*) FILTER (WHERE submitted AND disputed)::INTEGER AS disputed,
    round(quantile_cont(slip_days, 0.5) FILTER (WHERE completed), 2)::DOUBLE AS median_slip,
    round(quantile_cont(slip_days, 0.8) FILTER (WHERE completed), 2)::DOUBLE AS p80_slip,
    round(quantile_cont(payment_lag_days, 0.5), 2)::DOUBLE AS median_lag
  FROM milestone_facts f
  WHERE ${factFilterSql}
  GROUP BY f.partner_id
)
SELECT
  pp.*, p.name, p.kind, p.city,
  pp.on_time / nullif(pp.completed, 0)::DOUBLE AS on_time_rate,
  pp.disputed / nullif(pp.submitted, 0)::DOUBLE AS dispute_rate,
  count(*) OVER ()::INTEGER AS total
FROM per_partner pp
JOIN partners p USING (partner_id)
WHERE pp.completed >= $minCompleted`;

interface Row {
  partner_id: string;
  name: string;
  kind: string;
  city: string | null;
  milestones: number;
  completed: number;
  on_time: number;
  submitted: number;
  disputed: number;
  median_slip: number | null;
  p80_slip: number | null;
  median_lag: number | null;
  on_time_rate: number | null;
  dispute_rate: number | null;
  total: number;
}

/** Partners ranked by a KPI, with the counts behind each rate. Partners with too few
 *  completed milestones are left out (minCompleted) so one lucky delivery does not top the list. */
export async function partnerRanking(
  conn: DuckDBConnection,
  filters: Partial<KpiFilters>,
  query: PartnerRankingQuery,
  scope: BrandScope = null,
): Promise<PartnerRanking> {
  const dir = query.order === 'asc' ? 'ASC' : 'DESC';
  const sql = `${baseSql}
ORDER BY ${orderBy[query.sort]} ${dir} NULLS LAST, partner_id
LIMIT $limit OFFSET $offset`;
  const rows = await queryRows<Row>(conn, sql, {
    ...factFilterParams(filters, scope),
    minCompleted: query.minCompleted,
    limit: query.limit,
    offset: query.offset,
  });
  return { total: rows[0]?.total ?? 0, partners: rows.map(toRow) };
}

function toRow(r: Row): PartnerRankingRow {
  return {
    partnerId: r.partner_id,
    name: r.name,
    kind: r.kind,
    city: r.city,
    milestones: r.milestones,
    completed: r.completed,
    onTime: r.on_time,
    onTimeRate: r.on_time_rate,
    submitted: r.submitted,
    disputed: r.disputed,
    disputeRate: r.dispute_rate,
    medianSlipDays: r.median_slip,
    p80SlipDays: r.p80_slip,
    medianPaymentLagDays: r.median_lag,
  };
}
