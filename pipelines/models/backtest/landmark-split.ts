import type { LandmarkTable } from '../features/landmark-rows.ts';
import type { Task } from './tasks.ts';
import type { TimeSplit } from './time-split.ts';

/** A split of a task with landmark rows: `test` holds start rows, `inFlight` the test landmarks. */
export interface LandmarkSplit extends TimeSplit {
  inFlight: Int32Array;
  /** Per in-flight row: days since the planned start on its landmark day / planned days. */
  inFlightAge: Float64Array;
  /**
   * The calibration milestones' landmark rows and their ages, whether or not they joined
   * `calibration`: the delivery model's in-flight conformal shifts are fitted on them.
   */
  calibrationInFlight: { rows: Int32Array; age: Float64Array };
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
 * the forecasts issued at the start); either way they are in `calibrationInFlight`.
 */
export function landmarkSplits(
  task: Task,
  table: Landmarks,
  splitsOf: (time: Float64Array) => TimeSplit[],
  options: { calibrateInFlight?: boolean } = {},
): LandmarkSplit[] {
  const { starts, landmarks, parentStart } = landmarkParents(task, table);
  const startTime = new Float64Array(starts.length);
  for (let i = 0; i < starts.length; i++) startTime[i] = task.time[starts[i] as number] ?? NaN;
  return splitsOf(startTime).map((s) => {
    // Side of each start row (by its index among the start rows): 1 fit, 2 calibration, 3 test.
    const side = new Uint8Array(starts.length);
    (['fit', 'calibration', 'test'] as const).forEach((k, j) => {
      for (const i of s[k]) side[i] = j + 1;
    });
    const extra: number[][] = [[], [], [], []];
    for (let k = 0; k < landmarks.length; k++) {
      const parent = parentStart[k] as number;
      if (parent >= 0) extra[side[parent] as number]?.push(landmarks[k] as number);
    }
    const [, fit = [], calibration = [], test = []] = extra;
    return {
      fit: joined(starts, s.fit, fit),
      calibration: joined(starts, s.calibration, options.calibrateInFlight ? calibration : []),
      test: Int32Array.from(s.test, (i) => starts[i] ?? -1),
      inFlight: Int32Array.from(test),
      inFlightAge: agesOf(table, task, test),
      calibrationInFlight: {
        rows: Int32Array.from(calibration),
        age: agesOf(table, task, calibration),
      },
    };
  });
}

/**
 * The task's positions of start rows and of landmark rows, and for each landmark row the index
 * (among the start rows) of its milestone's start row, or -1 when the task has none.
 */
function landmarkParents(task: Task, table: Landmarks) {
  const starts: number[] = [];
  const landmarks: number[] = [];
  task.rows.forEach((r, p) => (r < table.baseRows ? starts : landmarks).push(p));
  // Table row of a start row -> its index among the start rows (-1: not in the task).
  const startIndex = new Int32Array(table.baseRows).fill(-1);
  starts.forEach((p, i) => (startIndex[task.rows[p] ?? 0] = i));
  const parentStart = Int32Array.from(landmarks, (p) => {
    const parent = table.parent[task.rows[p] ?? 0] ?? -1;
    return parent >= 0 && parent < table.baseRows ? (startIndex[parent] ?? -1) : -1;
  });
  return { starts, landmarks, parentStart };
}

/** Task positions of the given start rows (by index) plus landmark positions, ascending. */
function joined(starts: number[], rows: Int32Array, more: number[]): Int32Array {
  const out = new Int32Array(rows.length + more.length);
  for (let i = 0; i < rows.length; i++) out[i] = starts[rows[i] as number] ?? -1;
  out.set(more, rows.length);
  return out.sort();
}

const agesOf = (table: Landmarks, task: Task, rows: number[]) =>
  Float64Array.from(rows, (p) => ageAt(table, task.rows[p] ?? 0));

/** A landmark row's age as the forecast conditions on it: since the planned start (its time). */
function ageAt(table: Landmarks, r: number): number {
  return ((table.landmarkDay[r] ?? NaN) - (table.time[r] ?? NaN)) / (table.plannedDays[r] ?? NaN);
}
