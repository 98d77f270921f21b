import type { DuckDBConnection } from '@duckdb/node-api';
import { planCube } from '../cube/cube-query.ts';
import type { ExportSource } from '../export/export-source.ts';
import type {
  KpiFilters,
  PartnerRanking,
  PartnerRankingQuery,
  PartnerRankingRow,
} from '../schema/kpis.ts';
import { queryRows } from '../warehouse/query.ts';
import type { BrandScope } from './filter-sql.ts';

// Sort keys map to fixed SQL expressions; user input never reaches the SQL text.
const orderBy: Record<PartnerRankingQuery['sort'], string> = {
  onTimeRate: 'on_time_rate',
  disputeRate: 'dispute_rate',
  medianSlipDays: 'median_slip',
  completed: 'completed',
  name: 'name',
};

const rankedSql = (cube: string, paged: boolean) => `
WITH per_partner AS (${cube})
SELECT
  pp.k1 AS partner_id, p.name, p.kind, p.city, pp.milestones, pp.completed, pp.on_time,
  pp.submitted, pp.disputed, pp.slip_p50 AS median_slip, pp.slip_p80 AS p80_slip,
  pp.pay_p50 AS median_lag,
  pp.on_time / nullif(pp.completed, 0)::DOUBLE AS on_time_rate,
  pp.disputed / nullif(pp.submitted, 0)::DOUBLE AS dispute_rate${paged ? ',\n  count(*) OVER ()::INTEGER AS total' : ''}
FROM per_partner pp
JOIN partners p ON p.partner_id = pp.k1
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
  const { sql, params } = partnerRankingSource(filters, query, scope, true);
  const rows = await queryRows<Row>(conn, sql, params);
  return { total: rows[0]?.total ?? 0, partners: rows.map(toRow) };
}

/** The ranking's SQL: one page, or (exports) every partner in ranking order. */
export function partnerRankingSource(
  filters: Partial<KpiFilters>,
  query: PartnerRankingQuery,
  scope: BrandScope,
  paged: boolean,
): ExportSource {
  const plan = planCube({ filters, scope, by: ['partner'] });
  const dir = query.order === 'asc' ? 'ASC' : 'DESC';
  const sql = `${rankedSql(plan.sql, paged)}
ORDER BY ${orderBy[query.sort]} ${dir} NULLS LAST, partner_id${paged ? '\nLIMIT $limit OFFSET $offset' : ''}`;
  const params = { ...plan.params, minCompleted: query.minCompleted };
  return { sql, params: paged ? { ...params, limit: query.limit, offset: query.offset } : params };
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
