import type { DuckDBConnection } from '@duckdb/node-api';
import type { BrandScope } from '../kpi/filter-sql.ts';
import type { MilestoneDetail } from '../schema/lists.ts';
import { queryRow, queryRows } from '../warehouse/query.ts';
import { scopeParam } from '../kpi/scope-param.ts';
import { historySql } from './milestone-history-sql.ts';

// One milestone with its history. Read from the core tables (a cancelled milestone has no facts
// row but still has a history). Outside the caller's brands it does not exist (null, then 404).
const milestoneSql = `
SELECT m.milestone_id AS "milestoneId", m.name, m.project_id AS "projectId",
  m.contract_id AS "contractId", m.brand_id AS "brandId", m.partner_id AS "partnerId",
  p.kind AS "partnerKind", c.pricing_model AS "pricingModel", m.type, m.status,
  m.planned_start AS "plannedStart", m.baseline_due AS "baselineDue", m.current_due AS "currentDue",
  f.first_submitted AS "submittedDate", f.approved_date AS "approvedDate",
  f.slip_days AS "slipDays", m.amount::DOUBLE AS amount, c.currency,
  coalesce(f.disputed, false) AS disputed, f.paid_date AS "paidDate",
  m.acceptance_criteria AS "acceptanceCriteria", m.share::DOUBLE AS share,
  coalesce(f.revision_rounds, 0)::INTEGER AS "revisionRounds"
FROM milestones m
JOIN contracts c USING (contract_id)
LEFT JOIN partners p ON p.partner_id = m.partner_id
LEFT JOIN milestone_facts f USING (milestone_id)
WHERE m.milestone_id = $id
  AND ($scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], m.brand_id))`;

const oneMilestone = 'm.milestone_id = $id';
const eventsSql = historySql('events', oneMilestone);
const paymentsSql = historySql('payments', oneMilestone);
const disputesSql = historySql('disputes', oneMilestone);

export async function milestoneDetail(
  conn: DuckDBConnection,
  id: string,
  scope: BrandScope = null,
): Promise<MilestoneDetail | null> {
  const scopeValue = scopeParam(scope);
  const milestone = await queryRow<MilestoneDetail['milestone']>(conn, milestoneSql, {
    id,
    scope: scopeValue,
  });
  if (!milestone) return null;
  return {
    milestone,
    events: await queryRows<MilestoneDetail['events'][number]>(conn, eventsSql, { id }),
    payments: await queryRows<MilestoneDetail['payments'][number]>(conn, paymentsSql, { id }),
    disputes: await queryRows<MilestoneDetail['disputes'][number]>(conn, disputesSql, { id }),
  };
}
