// Everything about a project that does not change between runs, computed once: indices, the
// topological order, predecessor lists as flat arrays (CSR), start constraints and the duration
// tables of each open milestone (conditioned on its age when in flight).
import { fillDurationTable, GRID } from './duration-table.ts';
import { ageRatio } from './milestone-dates.ts';
import type { ForecastMilestone } from './project-input.ts';
import { conditionOnSurvival } from './quantile-distribution.ts';

export const OPEN = 0;
export const STARTED = 1;
export const DONE = 2;
export const MAX_MILESTONES = 32_767;

export interface CompiledProject {
  ids: readonly string[];
  /** Milestone indices (input order) so that predecessors come first. */
  order: Int32Array;
  /** Predecessors of milestone i: preds[predStart[i] .. predStart[i + 1]). */
  predStart: Int32Array;
  preds: Int32Array;
  /** OPEN, STARTED or DONE. */
  state: Uint8Array;
  /** Earliest start (open), actual start (started) or delivery day (done). */
  anchorDay: Float64Array;
  dueDay: Float64Array;
  partnerOf: Int32Array;
  partners: readonly string[];
  /** Milestones without an open successor, in topological order: only they can finish last. */
  endCandidates: Int32Array;
  /** GRID durations per milestone (zeros for done ones), see duration-table.ts. */
  tables: Float64Array;
}

export class DependencyCycleError extends Error {
  constructor(readonly cycle: readonly string[]) {
    super(`milestone dependencies form a cycle: ${cycle.join(' -> ')} (each waits for the next)`);
    this.name = 'DependencyCycleError';
  }
}

function indexById(milestones: readonly ForecastMilestone[]): Map<string, number> {
  const index = new Map<string, number>();
  milestones.forEach((m, i) => {
    if (index.has(m.id)) throw new RangeError(`milestone id ${JSON.stringify(m.id)} given twice`);
    index.set(m.id, i);
  });
  return index;
}

function predecessorLists(milestones: readonly ForecastMilestone[], index: Map<string, number>) {
  const predStart = new Int32Array(milestones.length + 1);
  const preds: number[] = [];
  milestones.forEach((m, i) => {
    for (const dep of m.dependsOn ?? []) {
      const j = index.get(dep);
      if (j === undefined) {
        throw new RangeError(
          `milestone ${JSON.stringify(m.id)} depends on unknown ${JSON.stringify(dep)}`,
        );
      }
      preds.push(j);
    }
    predStart[i + 1] = preds.length;
  });
  return { predStart, preds: Int32Array.from(preds) };
}

/** Depth-first post-order over predecessors; a predecessor still on the stack closes a cycle. */
export function topologicalOrder(
  ids: readonly string[],
  predStart: Int32Array,
  preds: Int32Array,
): Int32Array {
  const n = ids.length;
  const mark = new Uint8Array(n); // 0 unseen, 1 on the stack, 2 placed
  const cursor = new Int32Array(n);
  const order = new Int32Array(n);
  const stack: number[] = [];
  let placed = 0;
  for (let root = 0; root < n; root++) {
    if (mark[root]) continue;
    mark[root] = 1;
    cursor[root] = predStart[root]!;
    stack.push(root);
    while (stack.length > 0) {
      const i = stack[stack.length - 1]!;
      if (cursor[i]! < predStart[i + 1]!) {
        const j = preds[cursor[i]!++]!;
        if (mark[j] === 1) {
          const cycle = stack.slice(stack.indexOf(j)).map((k) => ids[k]!);
          throw new DependencyCycleError([...cycle, ids[j]!]);
        }
        if (mark[j] === 0) {
          mark[j] = 1;
          cursor[j] = predStart[j]!;
          stack.push(j);
        }
      } else {
        stack.pop();
        mark[i] = 2;
        order[placed++] = i;
      }
    }
  }
  return order;
}

function checkTiming(m: ForecastMilestone): void {
  if (!(m.plannedDays > 0) || !Number.isFinite(m.plannedDays)) {
    throw new RangeError(`milestone ${JSON.stringify(m.id)}: planned duration must be > 0 days`);
  }
  for (const day of [m.startDay, m.dueDay ?? 0, m.doneDay ?? 0]) {
    if (!Number.isInteger(day)) {
      throw new RangeError(`milestone ${JSON.stringify(m.id)}: days must be integer day numbers`);
    }
  }
}

// An open successor starts no earlier than its predecessor finishes, so it finishes no earlier.
function endsOf(order: Int32Array, predStart: Int32Array, preds: Int32Array, state: Uint8Array) {
  const covered = new Uint8Array(order.length);
  order.forEach((m) => {
    if (state[m] !== OPEN) return;
    for (let e = predStart[m]!; e < predStart[m + 1]!; e++) covered[preds[e]!] = 1;
  });
  return order.filter((m) => covered[m] === 0);
}

/**
 * Validates and prepares a project for runSimulation. `tableScratch` (a portfolio run's, reused
 * project after project) holds the duration tables when it is large enough; entries of done
 * milestones are then left as they were (never read).
 */
export function compileProject(
  milestones: readonly ForecastMilestone[],
  asOf: number,
  tableScratch?: Float64Array,
): CompiledProject {
  if (milestones.length === 0) throw new RangeError('a project needs at least one milestone');
  // Drivers are stored as 16-bit indices (see run-simulation.ts).
  if (milestones.length > MAX_MILESTONES)
    throw new RangeError(`more than ${MAX_MILESTONES} milestones`);
  const index = indexById(milestones);
  const ids = milestones.map((m) => m.id);
  const { predStart, preds } = predecessorLists(milestones, index);
  const order = topologicalOrder(ids, predStart, preds);
  const n = milestones.length;
  const partners = [...new Set(milestones.map((m) => m.partnerId))];
  const partnerIndex = new Map(partners.map((p, i) => [p, i]));
  const state = new Uint8Array(n);
  const anchorDay = new Float64Array(n);
  const dueDay = new Float64Array(n);
  const partnerOf = new Int32Array(n);
  const tables =
    tableScratch && tableScratch.length >= n * GRID
      ? tableScratch.subarray(0, n * GRID)
      : new Float64Array(n * GRID);
  milestones.forEach((m, i) => {
    checkTiming(m);
    state[i] = m.doneDay !== undefined ? DONE : m.started ? STARTED : OPEN;
    anchorDay[i] = m.doneDay ?? (m.started ? m.startDay : Math.max(m.startDay, asOf));
    dueDay[i] = m.dueDay ?? m.startDay + m.plannedDays;
    partnerOf[i] = partnerIndex.get(m.partnerId)!;
    if (state[i] === DONE) return;
    const d = m.started ? conditionOnSurvival(m.distribution, ageRatio(m, asOf)) : m.distribution;
    fillDurationTable(d, m.plannedDays, tables, i * GRID);
  });
  const endCandidates = endsOf(order, predStart, preds, state);
  const graph = { ids, order, predStart, preds, endCandidates };
  return { ...graph, state, anchorDay, dueDay, partnerOf, partners, tables };
}
