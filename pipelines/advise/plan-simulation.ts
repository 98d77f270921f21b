import type { ForecastMilestone } from '../forecast/project-input.ts';
import {
  milestoneSamples,
  simulateProject,
  type ProjectForecast,
} from '../forecast/simulate-project.ts';
import type { Plan } from '../schema/advice.ts';
import { milestoneAmount } from './draft-table.ts';
import type { PlanMilestoneForecast } from './plan-forecast.ts';

/** Seeded Monte Carlo of a plan: per-run start and finish of each milestone, aligned by run. */
export interface PlanSimulation {
  runs: number;
  /** The first planned start: day 0 of the cash flows (deposit day). */
  firstDay: number;
  ids: string[];
  /** Value of each milestone's deliverable (the plan's amounts, not the payment split). */
  values: number[];
  dueDay: number[];
  start: Int32Array[];
  finish: Int32Array[];
  outlook: ProjectForecast;
}

/**
 * Runs the forecast engine over the plan: finish-to-start dependencies and the partner's shared
 * shock; a milestone's work starts at its planned start or when its last predecessor finishes.
 */
export function simulatePlan(
  plan: Plan,
  forecasts: readonly PlanMilestoneForecast[],
  options: { seed: number; runs: number },
): PlanSimulation {
  const inputs: ForecastMilestone[] = plan.milestones.map((m, i) => {
    const f = forecasts[i]!;
    return {
      id: m.id,
      partnerId: m.partnerId ?? plan.partnerId,
      startDay: f.startDay,
      plannedDays: f.plannedDays,
      dueDay: f.dueDay,
      dependsOn: m.dependsOn,
      distribution: f.distribution,
    };
  });
  const firstDay = Math.min(...inputs.map((m) => m.startDay));
  const outlook = simulateProject(inputs, { asOf: firstDay, ...options, projectKey: 'plan' });
  const finish = inputs.map((m) => milestoneSamples(outlook, m.id));
  const index = new Map(inputs.map((m, i) => [m.id, i]));
  const start = inputs.map((m) =>
    Int32Array.from({ length: options.runs }, (_, r) =>
      Math.max(m.startDay, ...(m.dependsOn ?? []).map((d) => finish[index.get(d)!]![r]!)),
    ),
  );
  return {
    runs: options.runs,
    firstDay,
    ids: inputs.map((m) => m.id),
    values: plan.milestones.map((m) => milestoneAmount(plan, m)),
    dueDay: inputs.map((m) => m.dueDay!),
    start,
    finish,
    outlook,
  };
}
