import type { DuckDBConnection } from '@duckdb/node-api';
import { fromDayNumber, toDayNumber } from '../../calendar/iso-date.ts';
import type { ForecastMilestone } from '../../forecast/project-input.ts';
import { progressFan } from '../../forecast/progress-fan.ts';
import { probabilityFinishedBy, simulateProject } from '../../forecast/simulate-project.ts';
import type { ProjectForecast } from '../../schema/forecasts.ts';
import { queryRows } from '../../warehouse/query.ts';
import type { ForecastContext } from './forecast-context.ts';
import { forecastRows, type ForecastOverrides } from './milestone-forecasts.ts';

export interface ProjectQuery {
  runs: number;
  seed: number;
  deadline?: string | undefined;
  /** What-if applied to one milestone of the project. */
  milestone?: string | undefined;
  overrides?: ForecastOverrides;
}

interface MilestoneInfo {
  milestone_id: string;
  name: string;
  depends_on: string[] | null;
}

/**
 * Monte Carlo over the project's milestones: delivered ones are facts, open ones draw from their
 * forecast distributions (conditioned on age when in flight), dependencies finish-to-start and a
 * shared shock per partner. Returns undefined when the project is not in the caller's scope.
 */
export async function projectOutlook(
  conn: DuckDBConnection,
  ctx: ForecastContext,
  projectId: string,
  q: ProjectQuery,
): Promise<ProjectForecast | undefined> {
  const rows = Int32Array.from(ctx.table.ids.keys()).filter(
    (i) => ctx.table.meta.project[i] === projectId,
  );
  if (rows.length === 0) return undefined;
  const info = await queryRows<MilestoneInfo>(
    conn,
    `SELECT m.milestone_id, m.name, list(d.depends_on_id) FILTER (WHERE d.depends_on_id IS NOT NULL) AS depends_on
     FROM milestones m LEFT JOIN milestone_dependencies d USING (milestone_id)
     WHERE m.project_id = $project GROUP BY m.milestone_id, m.name`,
    { project: projectId },
  );
  const byId = new Map(info.map((m) => [m.milestone_id, m]));
  const asOfDay = toDayNumber(ctx.asOf);
  const inputs: ForecastMilestone[] = [];
  for (const r of rows) {
    const id = ctx.table.ids[r] ?? '';
    const start = toDayNumber(ctx.table.meta.plannedStart[r] ?? ctx.asOf);
    const approved = ctx.table.meta.approved[r] ?? null;
    const what = q.milestone === id ? q.overrides : undefined;
    const f = what
      ? forecastRows(ctx.model, ctx.table, Int32Array.of(r), ctx.asOf, what)[0]
      : ctx.byId.get(id);
    if (!approved && !f) continue; // rejected and never approved: not part of the finish
    const deps = (byId.get(id)?.depends_on ?? []).filter((d) => ctx.rowOf.has(d));
    inputs.push({
      id,
      partnerId: ctx.table.meta.partner[r] ?? '',
      startDay: start,
      plannedDays:
        f?.plannedDays ??
        Math.max(1, toDayNumber(ctx.table.meta.baselineDue[r] ?? ctx.asOf) - start),
      dueDay: toDayNumber(f?.dueDate ?? ctx.table.meta.baselineDue[r] ?? ctx.asOf),
      dependsOn: deps,
      distribution: f?.distribution ?? {
        levels: Float64Array.of(0, 1),
        values: Float64Array.of(0, 0),
        lowerScale: 0,
        upperScale: 0,
      },
      started: f?.started ?? false,
      ...(approved ? { doneDay: toDayNumber(approved) } : {}),
    });
  }
  const known = new Set(inputs.map((m) => m.id));
  for (const m of inputs) m.dependsOn = (m.dependsOn ?? []).filter((d) => known.has(d));
  const sim = simulateProject(inputs, {
    asOf: asOfDay,
    seed: q.seed,
    runs: q.runs,
    projectKey: projectId,
  });
  const deadline =
    q.deadline ??
    fromDayNumber(Math.max(...inputs.map((m) => m.dueDay ?? m.startDay + m.plannedDays)));
  // The curve starts today (or at the finish, for a project already delivered).
  const lo = Math.min(asOfDay, sim.finish.p50);
  const hi = Math.max(sim.finish.p95, toDayNumber(deadline)) + 7;
  const step = Math.max(1, Math.ceil((hi - lo) / 40));
  const finishCdf = [];
  for (let d = lo; d <= hi; d += step)
    finishCdf.push({ date: fromDayNumber(d), p: probabilityFinishedBy(sim, d) });
  return {
    projectId,
    asOf: ctx.asOf,
    modelVersion: ctx.version,
    runs: sim.runs,
    seed: q.seed,
    deadline,
    finish: {
      p50: fromDayNumber(sim.finish.p50),
      p80: fromDayNumber(sim.finish.p80),
      p95: fromDayNumber(sim.finish.p95),
    },
    pFinishByDeadline: probabilityFinishedBy(sim, toDayNumber(deadline)),
    finishCdf,
    progressFan: progressFan(sim.samples.milestoneFinish, sim.runs, asOfDay),
    milestones: sim.milestones.map((m, i) => {
      const input = inputs[i];
      return {
        milestoneId: m.id,
        name: byId.get(m.id)?.name ?? m.id,
        status: ctx.table.meta.status[ctx.rowOf.get(m.id) ?? -1] ?? '',
        baselineDue: fromDayNumber(input?.dueDay ?? m.p50),
        done: input?.doneDay !== undefined,
        p10: fromDayNumber(m.p10),
        p50: fromDayNumber(m.p50),
        p90: fromDayNumber(m.p90),
        criticality: m.criticality,
      };
    }),
  };
}
