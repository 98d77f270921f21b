// What-if: change a project's inputs and simulate again with the same seed. Random streams are
// keyed by milestone and partner ids (stream-keys.ts), so the baseline and the scenario share
// their draws wherever the change does not reach, and the difference is the change's effect,
// not Monte Carlo noise.
import type { ForecastMilestone, SimulationOptions } from './project-input.ts';
import type { QuantileDistribution } from './quantile-distribution.ts';
import { shiftLogRatio } from './quantile-distribution.ts';
import type { ProjectForecast } from './simulate-project.ts';
import { simulateProject } from './simulate-project.ts';

export type WhatIf =
  | {
      kind: 'due-date';
      milestoneId: string;
      dueDay: number;
      /**
       * 'ratio' (default): the planned duration moves with the due date and the ratio model
       * applies to it, so delivery moves too (work tends to fill the time given).
       * 'delivery': the delivery distribution stays in days; only P(on time) changes.
       */
      keep?: 'ratio' | 'delivery';
    }
  | {
      kind: 'partner';
      milestoneIds: readonly string[];
      partnerId: string;
      /** The replacement partner's distribution for these milestones (unconditional). */
      distribution: QuantileDistribution;
    };

export interface WhatIfComparison {
  baseline: ProjectForecast;
  scenario: ProjectForecast;
  /** Scenario minus baseline, in days and in probability. */
  delta: {
    finish: { p50: number; p80: number; p95: number };
    milestones: { id: string; p50: number; p90: number; pOnTime: number; criticality: number }[];
  };
}

function requireIds(milestones: readonly ForecastMilestone[], ids: readonly string[]): void {
  const known = new Set(milestones.map((m) => m.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0)
    throw new RangeError(`no milestone ${missing.map((id) => JSON.stringify(id)).join(', ')}`);
}

/** Moves a milestone's due date; the planned duration changes by the same number of days. */
export function withDueDate(
  milestones: readonly ForecastMilestone[],
  milestoneId: string,
  dueDay: number,
  options: { keep?: 'ratio' | 'delivery' } = {},
): ForecastMilestone[] {
  requireIds(milestones, [milestoneId]);
  return milestones.map((m) => {
    if (m.id !== milestoneId) return m;
    const plannedDays = m.plannedDays + dueDay - (m.dueDay ?? m.startDay + m.plannedDays);
    if (!(plannedDays > 0))
      throw new RangeError(`due day leaves ${milestoneId} no planned duration`);
    const distribution =
      options.keep === 'delivery'
        ? shiftLogRatio(m.distribution, Math.log(m.plannedDays / plannedDays))
        : m.distribution;
    return { ...m, dueDay, plannedDays, distribution };
  });
}

/** Hands milestones to another partner, who brings its own distribution (and shock). */
export function withPartner(
  milestones: readonly ForecastMilestone[],
  milestoneIds: readonly string[],
  replacement: { partnerId: string; distribution: QuantileDistribution },
): ForecastMilestone[] {
  requireIds(milestones, milestoneIds);
  const chosen = new Set(milestoneIds);
  const { partnerId, distribution } = replacement;
  return milestones.map((m) => (chosen.has(m.id) ? { ...m, partnerId, distribution } : m));
}

export function applyWhatIfs(
  milestones: readonly ForecastMilestone[],
  changes: readonly WhatIf[],
): ForecastMilestone[] {
  return changes.reduce<readonly ForecastMilestone[]>(
    (ms, c) =>
      c.kind === 'due-date'
        ? withDueDate(ms, c.milestoneId, c.dueDay, { keep: c.keep })
        : withPartner(ms, c.milestoneIds, c),
    milestones,
  ) as ForecastMilestone[];
}

/** Simulates the project as is and with `changes`, with the same seed and runs. */
export function compareWhatIf(
  milestones: readonly ForecastMilestone[],
  changes: readonly WhatIf[],
  options: SimulationOptions,
): WhatIfComparison {
  const baseline = simulateProject(milestones, options);
  const scenario = simulateProject(applyWhatIfs(milestones, changes), options);
  const delta = {
    finish: {
      p50: scenario.finish.p50 - baseline.finish.p50,
      p80: scenario.finish.p80 - baseline.finish.p80,
      p95: scenario.finish.p95 - baseline.finish.p95,
    },
    milestones: scenario.milestones.map((s, i) => {
      const b = baseline.milestones[i]!;
      return {
        id: s.id,
        p50: s.p50 - b.p50,
        p90: s.p90 - b.p90,
        pOnTime: s.pOnTime - b.pOnTime,
        criticality: s.criticality - b.criticality,
      };
    }),
  };
  return { baseline, scenario, delta };
}
