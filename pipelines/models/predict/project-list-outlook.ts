import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { ProjectForecastList } from '../../schema/forecasts.ts';
import { queryRows } from '../../warehouse/query.ts';
import type { ForecastContext } from './forecast-context.ts';
import type { OpenMilestoneForecast } from './milestone-forecasts.ts';
import { projectOutlook } from './project-outlook.ts';

export interface ProjectListQuery {
  brand?: string | undefined;
  partner?: string | undefined;
  limit: number;
  offset: number;
  runs: number;
  seed: number;
}

interface Candidate {
  projectId: string;
  brandId: string;
  partnerId: string;
  open: number;
  maxPLate: number;
}

/**
 * Projects with open milestones, riskiest first (by the highest P(late) of their open
 * milestones, which is cheap), and the Monte Carlo finish of one page of them: simulating every
 * open project for each request would take seconds.
 */
export async function projectListOutlook(
  conn: DuckDBConnection,
  ctx: ForecastContext,
  q: ProjectListQuery,
): Promise<ProjectForecastList> {
  const ranked = candidates(ctx.open, q);
  const page = ranked.slice(q.offset, q.offset + q.limit);
  const names = await projectNames(
    conn,
    page.map((p) => p.projectId),
  );
  const items: ProjectForecastList['items'] = [];
  for (const p of page) {
    const outlook = await projectOutlook(conn, ctx, p.projectId, { runs: q.runs, seed: q.seed });
    if (!outlook) continue;
    items.push({
      projectId: p.projectId,
      name: names.get(p.projectId) ?? p.projectId,
      brandId: p.brandId,
      partnerId: p.partnerId,
      openMilestones: p.open,
      maxPLate: p.maxPLate,
      deadline: outlook.deadline,
      finish: outlook.finish,
      pFinishByDeadline: outlook.pFinishByDeadline,
    });
  }
  return { asOf: ctx.asOf, modelVersion: ctx.version, runs: q.runs, total: ranked.length, items };
}

function candidates(open: readonly OpenMilestoneForecast[], q: ProjectListQuery): Candidate[] {
  const byProject = new Map<string, Candidate>();
  for (const f of open) {
    if ((q.brand && f.brandId !== q.brand) || (q.partner && f.partnerId !== q.partner)) continue;
    const c = byProject.get(f.projectId);
    const pLate = Number.isFinite(f.pLate) ? f.pLate : 0;
    if (c) {
      c.open += 1;
      c.maxPLate = Math.max(c.maxPLate, pLate);
    } else {
      byProject.set(f.projectId, {
        projectId: f.projectId,
        brandId: f.brandId,
        partnerId: f.partnerId,
        open: 1,
        maxPLate: pLate,
      });
    }
  }
  return [...byProject.values()].sort(
    (a, b) => b.maxPLate - a.maxPLate || a.projectId.localeCompare(b.projectId),
  );
}

async function projectNames(conn: DuckDBConnection, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ project_id: string; name: string }>(
    conn,
    'SELECT project_id, name FROM projects WHERE project_id IN (SELECT unnest($ids))',
    { ids: listValue(ids) },
  );
  return new Map(rows.map((r) => [r.project_id, r.name]));
}
