// Conformal shifts of the forecasts issued in flight. The product forecasts an open milestone from
// its age and state, shifts the quantiles, then conditions the distribution on R > age
// (forecast/quantile-distribution.ts); the start rows' shifts, scored without that conditioning,
// left the in-flight medians early on the demo. Here the shifts are fitted on the calibration
// window's landmark rows, scored the way the product predicts them: for each level the smallest
// shift whose conditioned quantile covers the finite-sample share of the window (the rank rule of
// learn/conformal.ts, IPCW-weighted when weights are given). Shifting one level moves the others'
// conditioned quantiles a little (the distribution's shape changes), so the levels are solved in
// turn, twice, from the shifts of the unconditioned scores.
import { conditionedQuantileAt } from '../../forecast/conditioned-quantile.ts';
import {
  conformalQuantile,
  type ConformalCorrection,
  type ShiftEstimate,
} from '../learn/conformal.ts';

/** The calibration window's landmark rows (task positions) and their ages (days / planned days). */
export interface InFlightCalibration {
  readonly rows: Int32Array;
  readonly age: Float64Array;
}

/** One window of landmark rows: raw predictions per level, outcomes, ages, weights. */
interface Window {
  readonly raw: readonly Float64Array[];
  readonly y: Float64Array;
  readonly age: Float64Array;
  readonly w: Float64Array;
}

const ROUNDS = 2;
/**
 * A window larger than this is fitted on this many of its rows, evenly spaced in time order
 * (blind to outcomes): the search scores every row for each of ~20 bisection steps x 5 levels x
 * 2 rounds, and 4,000 rows pin a coverage to about +-0.008 (one binomial sd at P50). At 1M
 * milestones the window holds about 10,000 landmark rows (20% of at most 50,000; the bench's
 * calibration phase took 0.9 s longer with all of them); the demo backtest's window stays under.
 */
const MAX_ROWS = 4000;
/** Bisection stops within this much of the crossing (log scale: 0.01% of the duration). */
const TOLERANCE = 1e-4;
/** The search leaves the unconditioned shift by at most this much downwards. */
const MAX_DOWN = 0.64;

/** Weighted mass of rows whose conditioned level-k quantile covers the outcome. */
function coveredMass(win: Window, levels: readonly number[], shifts: number[], k: number): number {
  const at = conditionedQuantileAt(levels);
  const row = new Float64Array(levels.length);
  let mass = 0;
  for (let i = 0; i < win.y.length; i++) {
    // Shifted and never crossing, as predictQuantiles gives them.
    for (let j = 0; j < row.length; j++) {
      const v = (win.raw[j]?.[i] ?? 0) + (shifts[j] ?? 0);
      row[j] = j > 0 ? Math.max(v, row[j - 1]!) : v;
    }
    if ((win.y[i] ?? 0) <= at(row, win.age[i] ?? 0, levels[k] ?? 0.5)) mass += win.w[i] ?? 0;
  }
  return mass;
}

/**
 * The smallest shift of level k (the others fixed) that reaches the finite-sample target mass,
 * searched from the current shift: conditioning lifts quantiles, so the crossing is usually
 * below it. Away from the start the mass need not be monotone (a lower P10 knot raises the CDF
 * at the age); the crossing nearest the start is taken, at most MAX_DOWN below it, else the
 * start stays.
 */
function solveLevel(win: Window, levels: readonly number[], shifts: number[], k: number): number {
  const total = win.w.reduce((s, v) => s + v, 0);
  const target = (levels[k] ?? 0.5) * (total + total / win.y.length) * (1 - 1e-12);
  const covers = (delta: number) =>
    coveredMass(
      win,
      levels,
      shifts.map((s, j) => (j === k ? delta : s)),
      k,
    ) >= target;
  const start = shifts[k] ?? 0;
  const up = !covers(start);
  let [lo, hi] = [start, start];
  for (let step = 0.01; ; step *= 2) {
    const next = up ? start + step : start - step;
    if (up ? covers(next) : !covers(next)) {
      [lo, hi] = up ? [lo, next] : [next, hi];
      break;
    }
    if (up) lo = next;
    else hi = next;
    // No crossing near the start: keep the unconditioned shift (or, upwards, give up high).
    if (step >= (up ? 8 : MAX_DOWN)) return up ? next : start;
  }
  while (hi - lo > TOLERANCE) {
    const mid = (lo + hi) / 2;
    if (covers(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** One shift per level for a window (all rows, or one cohort's). */
function windowShifts(win: Window, levels: readonly number[]): number[] {
  const shifts = levels.map((q, k) =>
    conformalQuantile(
      win.y.map((v, i) => v - (win.raw[k]?.[i] ?? 0)),
      q,
      win.w,
    ),
  );
  for (let round = 0; round < ROUNDS; round++) {
    levels.forEach((_, k) => (shifts[k] = solveLevel(win, levels, shifts, k)));
  }
  return shifts;
}

/** At most MAX_ROWS of `rows`, evenly spaced. */
function thinned(rows: readonly number[]): number[] {
  if (rows.length <= MAX_ROWS) return [...rows];
  return Array.from(
    { length: MAX_ROWS },
    (_, j) => rows[Math.floor((j * rows.length) / MAX_ROWS)]!,
  );
}

function subWindow(win: Window, rows: readonly number[]): Window {
  const pick = (a: Float64Array) => Float64Array.from(rows, (i) => a[i] ?? NaN);
  return { raw: win.raw.map(pick), y: pick(win.y), age: pick(win.age), w: pick(win.w) };
}

/**
 * In-flight corrections (one per level, like the start rows'): a global shift from every landmark
 * row of the window, and one per cohort with at least `minCount` rows. Undefined when the window
 * holds fewer than `minCount` landmark rows: the forecasts in flight then keep the start shifts.
 */
export function fitInFlightCorrections(
  raw: readonly Float64Array[],
  y: Float64Array,
  age: Float64Array,
  levels: readonly number[],
  options: { cohorts: readonly string[]; minCount: number; weights?: Float64Array },
): ConformalCorrection[] | undefined {
  const w = options.weights ?? new Float64Array(y.length).fill(1);
  const kept = Array.from(y.keys()).filter(
    (i) => Number.isFinite(y[i]) && Number.isFinite(age[i]) && (w[i] ?? 0) > 0,
  );
  if (kept.length < options.minCount) return undefined;
  const all = subWindow({ raw, y, age, w }, kept);
  const global = windowShifts(subWindow(all, thinned(Array.from(kept.keys()))), levels);
  const byCohort = new Map<string, number[]>();
  kept.forEach((i, j) => {
    const key = options.cohorts[i] ?? '';
    const rows = byCohort.get(key);
    if (rows) rows.push(j);
    else byCohort.set(key, [j]);
  });
  const cohorts: Record<string, ShiftEstimate>[] = levels.map(() => ({}));
  for (const [key, rows] of [...byCohort].sort(([a], [b]) => a.localeCompare(b))) {
    if (rows.length < options.minCount) continue;
    const shifts = windowShifts(subWindow(all, thinned(rows)), levels);
    shifts.forEach((shift, k) => (cohorts[k]![key] = { shift, count: rows.length }));
  }
  return levels.map((level, k) => ({
    kind: 'quantile',
    level,
    minCount: options.minCount,
    global: { shift: global[k] ?? 0, count: kept.length },
    cohorts: cohorts[k] ?? {},
  }));
}
