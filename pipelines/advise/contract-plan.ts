import type { DuckDBConnection } from '@duckdb/node-api';
import type { BrandScope } from '../kpi/filter-sql.ts';
import { scopeParam } from '../kpi/scope-param.ts';
import type { IncentiveClauses, Plan } from '../schema/advice.ts';
import { queryRow, queryRows } from '../warehouse/query.ts';

export interface StoredContract {
  plan: Plan;
  clauses: IncentiveClauses;
}

interface ContractRow {
  brandId: string;
  partnerId: string;
  partnerKind: Plan['partnerKind'];
  currency: string;
  value: number;
  depositPct: number;
  retentionPct: number;
  paymentTermsDays: number;
  reviewWindowDays: number;
  clauses: IncentiveClauses;
}

type MilestoneRow = Omit<Plan['milestones'][number], 'amount' | 'partnerId'>;

/**
 * A stored contract as a plan, as signed (baseline due dates), or undefined when it does not
 * exist or belongs to a brand outside the caller's scope (the caller answers 404 for both).
 */
export async function loadContractPlan(
  conn: DuckDBConnection,
  contractId: string,
  scope: BrandScope,
): Promise<StoredContract | undefined> {
  const c = await queryRow<ContractRow>(
    conn,
    `SELECT c.brand_id AS "brandId", c.partner_id AS "partnerId", p.kind AS "partnerKind",
       c.currency, c.value::DOUBLE AS value, c.deposit_pct::DOUBLE AS "depositPct",
       c.retention_pct::DOUBLE AS "retentionPct", c.payment_terms_days AS "paymentTermsDays",
       c.review_window_days AS "reviewWindowDays",
       {'bonusPerDay': c.bonus_per_day::DOUBLE, 'bonusCap': c.bonus_cap::DOUBLE,
        'penaltyPerDay': c.penalty_per_day::DOUBLE, 'penaltyGraceDays': c.penalty_grace_days,
        'penaltyCap': c.penalty_cap::DOUBLE} AS clauses
     FROM contracts c LEFT JOIN partners p USING (partner_id)
     WHERE c.contract_id = $id
       AND ($scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], c.brand_id))`,
    { id: contractId, scope: scopeParam(scope) },
  );
  if (!c) return undefined;
  const milestones = await contractMilestones(conn, contractId);
  if (milestones.length === 0) return undefined;
  const { clauses, ...head } = c;
  return { plan: { ...head, milestones }, clauses };
}

async function contractMilestones(conn: DuckDBConnection, contractId: string) {
  return queryRows<MilestoneRow>(
    conn,
    `SELECT m.milestone_id AS id, m.name, m.type, m.share::DOUBLE AS share,
       least(coalesce(m.planned_start, m.baseline_due - 14), m.baseline_due - 1)::VARCHAR
         AS "plannedStart",
       m.baseline_due::VARCHAR AS "dueDate", m.acceptance_criteria AS "acceptanceCriteria",
       NULL::INTEGER AS "reviewWindowDays",
       -- A dependency on a cancelled milestone (left out of the plan) no longer gates anything.
       coalesce((SELECT list(d.depends_on_id ORDER BY d.depends_on_id)
                 FROM milestone_dependencies d JOIN milestones dm
                   ON dm.milestone_id = d.depends_on_id AND dm.status <> 'cancelled'
                 WHERE d.milestone_id = m.milestone_id), [])
         AS "dependsOn"
     FROM milestones m
     WHERE m.contract_id = $id AND m.status <> 'cancelled'
     ORDER BY m.baseline_due, m.milestone_id`,
    { id: contractId },
  );
}
