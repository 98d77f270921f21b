// Monte Carlo forecast of one project's remaining milestones. The partner shock is a one-factor
// Gaussian copula: milestone m of partner p draws z = sqrt(rho) z_p + sqrt(1 - rho) e_m, so any
// two milestones of one partner have normal scores correlated by rho, and each keeps its own
// marginal distribution (z is still standard normal).
import type { CompiledProject } from './compile-project.ts';
import { compileProject } from './compile-project.ts';
import type { DayDistribution } from './day-distribution.ts';
import {
  dayDistribution,
  dayQuantile,
  shareOnOrBefore,
  summariseDays,
} from './day-distribution.ts';
import type { ForecastMilestone, SimulationOptions } from './project-input.ts';
import { DEFAULT_RHO, DEFAULT_RUNS } from './project-input.ts';
import type { ShockSource } from './partner-shocks.ts';
import { freshShocks } from './partner-shocks.ts';
import type { SimulationBuffers } from './run-simulation.ts';
import { allocateBuffers, runSimulation } from './run-simulation.ts';
import { milestoneStream } from './stream-keys.ts';

export interface MilestoneOutlook {
  id: string;
  /** Finish day quantiles (day numbers). */
  p10: number;
  p50: number;
  p90: number;
  /** Share of runs finishing on or before the due day. */
  pOnTime: number;
  /** Share of runs in which the milestone lies on the critical path. */
  criticality: number;
}

export interface ProjectOutlook {
  runs: number;
  /** Project finish (last milestone finish) quantiles, day numbers. */
  finish: { p50: number; p80: number; p95: number };
  finishDistribution: DayDistribution;
  /** Input order. */
  milestones: MilestoneOutlook[];
}

export interface ProjectForecast extends ProjectOutlook {
  /** Per-run finishes, aligned by run across milestones (for cash flow): [m * runs + r]. */
  samples: { milestoneFinish: Int32Array; projectFinish: Int32Array };
}

function settingsOf(options: SimulationOptions) {
  const runs = options.runs ?? DEFAULT_RUNS;
  const rho = options.rho ?? DEFAULT_RHO;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError('runs must be a positive integer');
  if (!(rho >= 0 && rho <= 1)) throw new RangeError('rho must be in [0, 1]');
  return { runs, rho };
}

const MILESTONE_LEVELS = [0.1, 0.5, 0.9];

function summarise(p: CompiledProject, runs: number, out: SimulationBuffers): ProjectOutlook {
  const finishDistribution = dayDistribution(out.projectFinish.subarray(0, runs));
  const milestones = p.ids.map((id, m) => {
    const samples = out.milestoneFinish.subarray(m * runs, (m + 1) * runs);
    const d = summariseDays(samples, MILESTONE_LEVELS, p.dueDay[m]!, out.dayCounts);
    const [p10, p50, p90] = d.quantiles as [number, number, number];
    return { id, p10, p50, p90, pOnTime: d.shareByDay, criticality: out.onPathCount[m]! / runs };
  });
  const finish = {
    p50: dayQuantile(finishDistribution, 0.5),
    p80: dayQuantile(finishDistribution, 0.8),
    p95: dayQuantile(finishDistribution, 0.95),
  };
  return { runs, finish, finishDistribution, milestones };
}

/**
 * Simulates a compiled project into `out` and summarises it. A portfolio run reuses `out` and
 * passes one shock source (made for the same seed, runs and rho) to all its projects.
 */
export function forecastCompiled(
  p: CompiledProject,
  options: SimulationOptions,
  out: SimulationBuffers = allocateBuffers(p.ids.length, settingsOf(options).runs),
  shocksOf: ShockSource = freshShocks(
    options.seed,
    settingsOf(options).runs,
    settingsOf(options).rho,
  ),
): ProjectOutlook {
  const settings = settingsOf(options);
  const key = options.projectKey ?? '';
  const streams = {
    milestones: p.ids.map((id) => milestoneStream(options.seed, key, id)),
    shocks: p.partners.map(shocksOf),
  };
  out.onPathCount.fill(0);
  runSimulation(p, settings, streams, out);
  return summarise(p, settings.runs, out);
}

export function simulateProject(
  milestones: readonly ForecastMilestone[],
  options: SimulationOptions,
): ProjectForecast {
  const p = compileProject(milestones, options.asOf);
  const out = allocateBuffers(milestones.length, settingsOf(options).runs);
  const outlook = forecastCompiled(p, options, out);
  return {
    ...outlook,
    samples: { milestoneFinish: out.milestoneFinish, projectFinish: out.projectFinish },
  };
}

/** P(project finished on or before `day`). */
export function probabilityFinishedBy(
  forecast: Pick<ProjectOutlook, 'finishDistribution'>,
  day: number,
): number {
  return shareOnOrBefore(forecast.finishDistribution, day);
}

/** The per-run finish days of one milestone (a view, aligned by run with the others). */
export function milestoneSamples(forecast: ProjectForecast, id: string): Int32Array {
  const m = forecast.milestones.findIndex((o) => o.id === id);
  if (m < 0) throw new RangeError(`no milestone ${JSON.stringify(id)} in this forecast`);
  const { runs } = forecast;
  return forecast.samples.milestoneFinish.subarray(m * runs, (m + 1) * runs);
}
