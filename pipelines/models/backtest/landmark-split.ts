import type { LandmarkTable } from '../features/landmark-rows.ts';
import type { Task } from './tasks.ts';
import type { TimeSplit } from './time-split.ts';

/** A split of a task with landmark rows: `test` holds start rows, `inFlight` the test landmarks. */
export interface LandmarkSplit extends TimeSplit {
  inFlight: Int32Array;
  /** Per in-flight row: days since the planned start on its landmark day / planned days. */
  inFlightAge: Float64Array;
}

type Landmarks = Pick<
  LandmarkTable,
  'baseRows' | 'parent' | 'landmarkDay' | 'plannedDays' | 'time'
>;

/**
 * Splits the task's start rows as `splitsOf` would split a task without landmarks (so the
 * forecasts issued at the start are scored on exactly the same rows), then puts each landmark row
 * on its milestone's side: fitting rows learn from it, test landmarks are scored as forecasts
 * issued in flight. The landmarks of calibration milestones never fit (a landmark twin in the fit
 * would leak its milestone's outcome into the calibration window); they join the calibration
 * window only with `calibrateInFlight` (classifiers: their early stopping and recalibration then
 * see in-flight rows too), else they are left out (the delivery model's conformal window scores
 * the forecasts issued at the start).
 */
export function landmarkSplits(
  task: Task,
  table: Landmarks,
  splitsOf: (time: Float64Array) => TimeSplit[],
  options: { calibrateInFlight?: boolean } = {},
): LandmarkSplit[] {
  const starts: number[] = [];
  const landmarks: number[] = [];
  task.rows.forEach((r, p) => (r < table.baseRows ? starts : landmarks).push(p));
  const positionOf = new Map(starts.map((p) => [task.rows[p] ?? -1, p]));
  const startTime = Float64Array.from(starts, (p) => task.time[p] ?? NaN);
  const back = (rows: Int32Array) => Int32Array.from(rows, (i) => starts[i] ?? -1);
  return splitsOf(startTime).map((s) => {
    const side = new Map<number, 'fit' | 'calibration' | 'test'>();
    for (const k of ['fit', 'calibration', 'test'] as const)
      for (const i of s[k]) side.set(starts[i] ?? -1, k);
    const extra = { fit: [] as number[], calibration: [] as number[], test: [] as number[] };
    for (const p of landmarks) {
      const parent = positionOf.get(table.parent[task.rows[p] ?? 0] ?? -1);
      const where = parent === undefined ? undefined : side.get(parent);
      if (where) extra[where].push(p);
    }
    const calibration = options.calibrateInFlight ? extra.calibration : [];
    return {
      fit: Int32Array.from([...back(s.fit), ...extra.fit]).sort(),
      calibration: Int32Array.from([...back(s.calibration), ...calibration]).sort(),
      test: back(s.test),
      inFlight: Int32Array.from(extra.test),
      inFlightAge: Float64Array.from(extra.test, (p) => ageAt(table, task.rows[p] ?? 0)),
    };
  });
}

/** A landmark row's age as the forecast conditions on it: since the planned start (its time). */
function ageAt(table: Landmarks, r: number): number {
  return ((table.landmarkDay[r] ?? NaN) - (table.time[r] ?? NaN)) / (table.plannedDays[r] ?? NaN);
}
