import type { DuckDBConnection } from '@duckdb/node-api';
import type { BrandScope } from '../kpi/filter-sql.ts';
import { scopeParam } from '../kpi/scope-param.ts';
import type { ProjectDetail } from '../schema/lists.ts';
import { queryRows } from '../warehouse/query.ts';
import { historySql, type HistoryKind } from './milestone-history-sql.ts';

export type ProjectHistory = Pick<ProjectDetail, HistoryKind>;

// Read from the core tables, as the milestone detail is: a cancelled milestone keeps its history.
// The brand scope is checked again here, not only on the project, so that this query alone never
// returns another brand's rows.
const projectMilestones = `m.project_id = $id
  AND ($scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], m.brand_id))`;
const naming = `, m.milestone_id AS "milestoneId", m.name AS "milestoneName"`;

const sql = {
  events: historySql('events', projectMilestones, naming),
  payments: historySql('payments', projectMilestones, naming),
  disputes: historySql('disputes', projectMilestones, naming),
};

/** Events, payments and disputes of a project's milestones, each in date order, each naming its milestone. */
export async function projectHistory(
  conn: DuckDBConnection,
  id: string,
  scope: BrandScope = null,
): Promise<ProjectHistory> {
  const params = { id, scope: scopeParam(scope) };
  return {
    events: await queryRows<ProjectDetail['events'][number]>(conn, sql.events, params),
    payments: await queryRows<ProjectDetail['payments'][number]>(conn, sql.payments, params),
    disputes: await queryRows<ProjectDetail['disputes'][number]>(conn, sql.disputes, params),
  };
}
