import type { DuckDBConnection } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import type { BrandScope } from '../kpi/filter-sql.ts';
import { queryRows } from '../warehouse/query.ts';

/** One past milestone, as the advice rules read history. Dates ISO; outcomes as known on asOf. */
export interface HistoryRow {
  milestoneId: string;
  contractId: string;
  brandId: string;
  partnerId: string;
  partnerKind: string;
  type: string;
  share: number;
  plannedStart: string;
  baselineDue: string;
  approved: string | null;
  /** log(actual / planned duration) of a completed milestone, else null. */
  logRatio: number | null;
  late: boolean | null;
  disputed: boolean;
  verificationLagDays: number | null;
  criteria: string | null;
  reviewWindowDays: number | null;
  predecessors: number;
}

/** Milestones of the caller's brands that started before asOf, with outcomes known on asOf. */
export async function loadHistory(
  conn: DuckDBConnection,
  options: { asOf: string; scope: BrandScope },
): Promise<HistoryRow[]> {
  const scope = options.scope ? listValue([...options.scope]) : null;
  return queryRows<HistoryRow>(
    conn,
    `SELECT f.milestone_id AS "milestoneId", f.contract_id AS "contractId", f.brand_id AS "brandId",
       f.partner_id AS "partnerId", coalesce(f.partner_kind, 'other') AS "partnerKind",
       f.milestone_type AS type, f.share::DOUBLE AS share,
       f.planned_start::VARCHAR AS "plannedStart", f.baseline_due::VARCHAR AS "baselineDue",
       CASE WHEN f.approved_date <= $asOf::DATE THEN f.approved_date::VARCHAR END AS approved,
       CASE WHEN f.approved_date <= $asOf::DATE AND f.baseline_due > f.planned_start
         THEN ln(greatest(f.approved_date - f.planned_start, 0.5)
                 / (f.baseline_due - f.planned_start))::DOUBLE END AS "logRatio",
       CASE WHEN f.approved_date <= $asOf::DATE THEN f.approved_date > f.baseline_due
            WHEN $asOf::DATE > f.baseline_due THEN true END AS late,
       coalesce(f.disputed AND f.first_dispute_opened <= $asOf::DATE, false) AS disputed,
       CASE WHEN f.approved_date <= $asOf::DATE THEN f.verification_lag_days::DOUBLE END
         AS "verificationLagDays",
       m.acceptance_criteria AS criteria, c.review_window_days::INTEGER AS "reviewWindowDays",
       (SELECT count(*) FROM milestone_dependencies d
         WHERE d.milestone_id = f.milestone_id)::INTEGER AS predecessors
     FROM milestone_facts f
     JOIN milestones m USING (milestone_id)
     JOIN contracts c ON c.contract_id = f.contract_id
     WHERE f.planned_start IS NOT NULL AND f.planned_start < $asOf::DATE
       AND f.status <> 'cancelled'
       AND ($scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], f.brand_id))
     ORDER BY f.planned_start, f.milestone_id`,
    { asOf: options.asOf, scope },
  );
}
