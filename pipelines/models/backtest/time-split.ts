/** Row indices of a time-ordered split: train, calibration (end of train) and test. */
export interface TimeSplit {
  fit: Int32Array;
  calibration: Int32Array;
  test: Int32Array;
}

/** The training rows of a split: its fit rows, then its calibration rows. */
export function trainingRows(split: Pick<TimeSplit, 'fit' | 'calibration'>): Int32Array {
  return Int32Array.from([...split.fit, ...split.calibration]);
}

/**
 * The protocol: rows sorted by time (ties keep their given order, which the caller makes
 * deterministic), the first `trainShare` for training and the rest for scoring; the calibration
 * slice is the last `calibrationShare` of the training part, so nothing is tuned on the test window.
 */
export function timeOrderedSplit(
  time: Float64Array,
  options: { trainShare?: number; calibrationShare?: number } = {},
): TimeSplit {
  const order = Int32Array.from(time.keys()).sort(
    (a, b) => (time[a] ?? 0) - (time[b] ?? 0) || a - b,
  );
  const nTrain = Math.floor(order.length * (options.trainShare ?? 0.7));
  const nCal = Math.floor(nTrain * (options.calibrationShare ?? 0.2));
  return {
    fit: order.slice(0, nTrain - nCal),
    calibration: order.slice(nTrain - nCal, nTrain),
    test: order.slice(nTrain),
  };
}

/** Rolling origins: for each origin k of `folds`, train on everything before it, test the next block. */
export function rollingOrigins(
  time: Float64Array,
  folds: number,
  options: { firstTrainShare?: number; calibrationShare?: number } = {},
): TimeSplit[] {
  const order = Int32Array.from(time.keys()).sort(
    (a, b) => (time[a] ?? 0) - (time[b] ?? 0) || a - b,
  );
  const first = Math.floor(order.length * (options.firstTrainShare ?? 0.5));
  const block = Math.floor((order.length - first) / folds);
  const out: TimeSplit[] = [];
  for (let k = 0; k < folds; k++) {
    const nTrain = first + k * block;
    const nCal = Math.floor(nTrain * (options.calibrationShare ?? 0.2));
    out.push({
      fit: order.slice(0, nTrain - nCal),
      calibration: order.slice(nTrain - nCal, nTrain),
      test: order.slice(nTrain, k === folds - 1 ? order.length : nTrain + block),
    });
  }
  return out;
}
