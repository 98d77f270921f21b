import type { DuckDBConnection } from '@duckdb/node-api';
import type { BrandScope } from '../kpi/filter-sql.ts';
import type { MilestoneList, MilestoneListQuery, MilestoneRow } from '../schema/lists.ts';
import { queryRow, queryRows } from '../warehouse/query.ts';
import { listFilter, type ListFilter } from './list-filter.ts';

// Milestones as listed (cancelled ones are left out, as from every figure). The page is chosen
// on milestone_facts alone (top-N), then only its rows are joined for names and dates.

const sortColumn: Record<MilestoneListQuery['sort'], string> = {
  baselineDue: 'baseline_due',
  slipDays: 'slip_days',
  amount: 'amount',
  status: 'status',
  milestoneId: 'milestone_id',
};

export const milestoneColumns = `
  f.milestone_id AS "milestoneId", m.name, f.project_id AS "projectId",
  f.contract_id AS "contractId", f.brand_id AS "brandId", f.partner_id AS "partnerId",
  f.partner_kind AS "partnerKind", f.pricing_model AS "pricingModel", f.milestone_type AS "type",
  f.status, f.planned_start AS "plannedStart", f.baseline_due AS "baselineDue",
  f.current_due AS "currentDue", f.first_submitted AS "submittedDate",
  f.approved_date AS "approvedDate", f.slip_days AS "slipDays", f.amount::DOUBLE AS amount,
  f.currency, f.disputed, f.paid_date AS "paidDate"`;

/** The milestones of the filter in list order, one page or (exports) all of them. */
export function milestoneListSql(
  q: MilestoneListQuery,
  filter: ListFilter,
  paged: boolean,
): string {
  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  return `
WITH page AS (
  SELECT milestone_id, ${sortColumn[q.sort]} AS sort_key FROM milestone_facts WHERE ${filter.where}
  ORDER BY sort_key ${dir} NULLS LAST, milestone_id${paged ? ' LIMIT $limit OFFSET $offset' : ''}
)
SELECT ${milestoneColumns}
FROM page JOIN milestone_facts f USING (milestone_id) JOIN milestones m USING (milestone_id)
ORDER BY page.sort_key ${dir} NULLS LAST, page.milestone_id`;
}

export async function milestoneList(
  conn: DuckDBConnection,
  q: MilestoneListQuery,
  scope: BrandScope = null,
): Promise<MilestoneList> {
  const filter = listFilter(q, scope, { status: q.status, project: q.project });
  const total = await queryRow<{ n: number }>(
    conn,
    `SELECT count(*)::INTEGER AS n FROM milestone_facts WHERE ${filter.where}`,
    filter.params,
  );
  const milestones = await queryRows<MilestoneRow>(conn, milestoneListSql(q, filter, true), {
    ...filter.params,
    limit: q.limit,
    offset: q.offset,
  });
  return { total: total?.n ?? 0, milestones };
}
