// Many projects with one seed. Partner shocks are keyed by partner id and run index, so a
// partner working on several projects slips in all of them in the same runs; milestone noise is
// salted by the project id. Per-run samples are not kept (1,000 projects x 12 milestones x
// 10,000 runs would be 480 MB): one set of buffers is reused and only summaries come back.
import { compileProject } from './compile-project.ts';
import { GRID } from './duration-table.ts';
import type { ForecastMilestone, SimulationOptions } from './project-input.ts';
import { DEFAULT_RHO, DEFAULT_RUNS } from './project-input.ts';
import { cachedShocks } from './partner-shocks.ts';
import { allocateBuffers } from './run-simulation.ts';
import type { SimulationBuffers } from './run-simulation.ts';
import type { ProjectOutlook } from './simulate-project.ts';
import { forecastCompiled } from './simulate-project.ts';

export interface PortfolioProject {
  id: string;
  milestones: readonly ForecastMilestone[];
}

export interface PortfolioOutlook extends ProjectOutlook {
  projectId: string;
}

export function simulatePortfolio(
  projects: readonly PortfolioProject[],
  options: Omit<SimulationOptions, 'projectKey'>,
): PortfolioOutlook[] {
  const runs = options.runs ?? DEFAULT_RUNS;
  let buffers: SimulationBuffers | undefined;
  let tables = new Float64Array(0);
  let capacity = 0;
  // Each partner's shocks are drawn once for the whole portfolio (they depend on seed and id only).
  const shocksOf = cachedShocks(options.seed, runs, options.rho ?? DEFAULT_RHO);
  return projects.map((project) => {
    if (project.milestones.length > capacity) {
      capacity = project.milestones.length;
      buffers = allocateBuffers(capacity, runs);
      tables = new Float64Array(capacity * GRID);
    }
    const compiled = compileProject(project.milestones, options.asOf, tables);
    const outlook = forecastCompiled(
      compiled,
      { ...options, projectKey: project.id },
      buffers,
      shocksOf,
    );
    return { projectId: project.id, ...outlook };
  });
}
