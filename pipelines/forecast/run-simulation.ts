// The Monte Carlo hot loop, milestone by milestone rather than run by run: for each milestone in
// topological order, all runs at once: start = max(start constraint, predecessors' finishes),
// finish = start + ceil(duration). Each pass is a tight loop over contiguous typed arrays with one
// random stream and one table, which the JIT keeps in registers. The predecessor that set each
// start is kept per run, so the critical path can be traced back from the last finish.
import type { Rng } from '../random/prng.ts';
import type { CompiledProject } from './compile-project.ts';
import { DONE, STARTED } from './compile-project.ts';
import { GRID, tableDuration } from './duration-table.ts';
import { ROUNDING_SLACK } from './milestone-dates.ts';
import { normalFromBits } from './normal.ts';

export interface SimulationStreams {
  /** One per milestone (input order). */
  milestones: readonly Rng[];
  /**
   * One per partner (CompiledProject.partners order): its shock in every run, already scaled by
   * sqrt(rho) (see partner-shocks.ts); only read.
   */
  shocks: readonly Float64Array[];
}

export interface SimulationBuffers {
  /** Finish day of milestone m in run r at [m * runs + r]. */
  milestoneFinish: Int32Array;
  /**
   * The predecessor that set m's start in run r at [m * runs + r] (milestone-major like the
   * finishes, so the passes over all runs write contiguously); -1: its own constraint.
   */
  driver: Int16Array;
  projectFinish: Int32Array;
  /** The milestone finishing last in each run. */
  lastMilestone: Int32Array;
  /** Scratch: start days of the milestone being simulated. */
  start: Int32Array;
  /** Runs in which each milestone lay on the critical path. */
  onPathCount: Float64Array;
  /** Scratch for summaries: counts per day offset, kept zeroed (see summariseDays). */
  dayCounts: Int32Array;
}

/** Day ranges narrower than this are summarised in the scratch (wider ones allocate). */
const DAY_COUNT_RANGE = 4096;

export function allocateBuffers(milestones: number, runs: number): SimulationBuffers {
  return {
    milestoneFinish: new Int32Array(milestones * runs),
    driver: new Int16Array(milestones * runs),
    projectFinish: new Int32Array(runs),
    lastMilestone: new Int32Array(runs),
    start: new Int32Array(runs),
    onPathCount: new Float64Array(milestones),
    dayCounts: new Int32Array(DAY_COUNT_RANGE),
  };
}

function noDriver(m: number, runs: number, driver: Int16Array): void {
  driver.fill(-1, m * runs, (m + 1) * runs);
}

// Starts of milestone m in every run. A predecessor that ties the constraint (or an earlier
// predecessor) still counts as the driver: the path then runs through the work, not the plan.
function startFromPredecessors(p: CompiledProject, m: number, runs: number, b: SimulationBuffers) {
  const { start, driver, milestoneFinish: fin } = b;
  const row = m * runs;
  start.fill(p.anchorDay[m]!, 0, runs);
  noDriver(m, runs, driver);
  for (let e = p.predStart[m]!; e < p.predStart[m + 1]!; e++) {
    const j = p.preds[e]!;
    const rowJ = j * runs;
    for (let r = 0; r < runs; r++) {
      const f = fin[rowJ + r]!;
      const s = start[r]!;
      if (f > s || (f === s && driver[row + r]! < 0)) {
        start[r] = f;
        driver[row + r] = j;
      }
    }
  }
}

// finish = start + whole days drawn through the copula: z = shock + sqrt(1 - rho) e.
function drawFinishes(
  table: Float64Array,
  base: number,
  rng: Rng,
  shocks: Float64Array,
  own: number,
  b: SimulationBuffers,
  row: number,
): void {
  const { start, milestoneFinish: fin } = b;
  for (let r = 0; r < shocks.length; r++) {
    const z = shocks[r]! + own * normalFromBits(rng.nextUint32());
    fin[row + r] = start[r]! + Math.ceil(tableDuration(table, base, z) - ROUNDING_SLACK);
  }
}

// The last finish of each run, then the critical path back from it through the drivers. Only
// milestones without an open successor can finish last (a successor never finishes earlier); of
// tied ones the later in topological order wins, as it may depend on the other.
function traceCriticalPaths(p: CompiledProject, runs: number, b: SimulationBuffers): void {
  const { projectFinish: pf, lastMilestone: last, milestoneFinish: fin, driver } = b;
  pf.fill(-2147483648, 0, runs);
  for (const m of p.endCandidates) {
    const row = m * runs;
    for (let r = 0; r < runs; r++) {
      if (fin[row + r]! >= pf[r]!) {
        pf[r] = fin[row + r]!;
        last[r] = m;
      }
    }
  }
  const count = b.onPathCount;
  for (let r = 0; r < runs; r++) {
    for (let m = last[r]!; m >= 0; m = driver[m * runs + r]!) count[m]!++;
  }
}

/** Runs `runs` simulations into `b` (onPathCount must start at zero). */
export function runSimulation(
  p: CompiledProject,
  settings: { runs: number; rho: number },
  streams: SimulationStreams,
  b: SimulationBuffers,
): void {
  const { runs, rho } = settings;
  const { shocks } = streams;
  for (const m of p.order) {
    const row = m * runs;
    if (p.state[m] === DONE) {
      b.milestoneFinish.fill(p.anchorDay[m]!, row, row + runs);
      noDriver(m, runs, b.driver);
      continue;
    }
    if (p.state[m] === STARTED) {
      b.start.fill(p.anchorDay[m]!, 0, runs);
      noDriver(m, runs, b.driver);
    } else startFromPredecessors(p, m, runs, b);
    const shock = shocks[p.partnerOf[m]!]!;
    drawFinishes(p.tables, m * GRID, streams.milestones[m]!, shock, Math.sqrt(1 - rho), b, row);
  }
  traceCriticalPaths(p, runs, b);
}
