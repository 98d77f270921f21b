import { describe, expect, it } from 'vitest';
import {
  referenceClassQuantiles,
  referenceClassRate,
} from '../../../pipelines/models/backtest/baselines.ts';
import { rollingOrigins, timeOrderedSplit } from '../../../pipelines/models/backtest/time-split.ts';
import {
  makeTask,
  trainingPart,
  withoutFeatures,
} from '../../../pipelines/models/backtest/tasks.ts';
import { historyEncoding } from '../../../pipelines/models/features/history-encoding.ts';
import type { MilestoneTable } from '../../../pipelines/models/features/milestone-table.ts';

describe('time-ordered split', () => {
  it('trains on the past, calibrates on the end of training, tests on the future', () => {
    const time = Float64Array.from([5, 1, 4, 2, 3, 9, 8, 7, 6, 10]);
    const s = timeOrderedSplit(time, { trainShare: 0.7, calibrationShare: 0.3 });
    const t = (rows: Int32Array) => Array.from(rows, (r) => time[r]);
    expect(t(s.fit)).toEqual([1, 2, 3, 4, 5]);
    expect(t(s.calibration)).toEqual([6, 7]);
    expect(t(s.test)).toEqual([8, 9, 10]);
  });

  it('rolls origins forward without overlap between train and test', () => {
    const time = Float64Array.from({ length: 100 }, (_, i) => i);
    const folds = rollingOrigins(time, 3);
    expect(folds).toHaveLength(3);
    for (const f of folds) {
      const trainMax = Math.max(...f.fit, ...f.calibration);
      expect(Math.min(...f.test)).toBeGreaterThan(trainMax);
    }
    expect(folds[2]?.test.at(-1)).toBe(99);
  });
});

describe('as-of history encoding', () => {
  it('never uses an outcome known at or after the row time', () => {
    const time = Float64Array.from([1, 2, 3, 4]);
    const knownAt = Float64Array.from([1.5, 10, 3.5, 4.5]);
    const y = Float64Array.from([1, 100, 3, 5]);
    const groups = Int32Array.from([0, 0, 0, 0]);
    const { mean, count } = historyEncoding(time, knownAt, y, groups, { k: 0 });
    expect(Array.from(count)).toEqual([0, 1, 1, 2]);
    expect(mean[3]).toBeCloseTo(2); // (1 + 3) / 2: the 100 is known only at day 10
  });

  it('shrinks a thin record toward the overall mean', () => {
    const time = Float64Array.from([1, 2, 3, 4, 5]);
    const knownAt = Float64Array.from([1, 2, 3, 4, 5]).map((t) => t + 0.5);
    const y = Float64Array.from([0, 0, 0, 0, 1]);
    const groups = Int32Array.from([0, 0, 0, 1, 1]);
    const { mean } = historyEncoding(time, knownAt, y, groups, { k: 2 });
    // Group 1 at t=5 has one outcome (0); prior = mean of 4 known = 0; so 0.
    expect(mean[4]).toBeCloseTo(0);
    expect(mean[0]).toBe(0);
  });
});

describe('reference-class baseline', () => {
  it('uses the group quantiles when the group is large enough, else all rows', () => {
    const y = Float64Array.from([
      ...Array.from({ length: 40 }, () => 1),
      ...Array.from({ length: 5 }, () => 9),
    ]);
    const g = [
      ...Array.from({ length: 40 }, () => 'big'),
      ...Array.from({ length: 5 }, () => 'small'),
    ];
    const [p50] = referenceClassQuantiles(y, g, ['big', 'small', 'new'], [0.5]);
    expect(Array.from(p50 ?? [])).toEqual([1, 1, 1]);
    const rate = referenceClassRate(Float64Array.from(g.map((x) => (x === 'big' ? 1 : 0))), g, [
      'big',
      'small',
    ]);
    expect(rate[0]).toBe(1);
    expect(rate[1]).toBeCloseTo(40 / 45);
  });
});

describe('task cutting', () => {
  // Four rows: the table's order is by id, the task's time has a tie between rows 0 and 2.
  const table = {
    n: 4,
    ids: ['10', '2', '7', '3'],
    time: Float64Array.from([5, 1, 5, 2]),
    features: {
      numeric: new Map([
        ['attr_x', Float64Array.from([1, 2, 3, 4])],
        ['attr_leak', Float64Array.from([0, 1, 0, 1])],
      ]),
      categorical: new Map(),
    },
    referenceGroup: ['a', 'a', 'b', 'b'],
    meta: { approved: [null, null, null, null] },
  } as unknown as MilestoneTable;
  const y = Float64Array.from([0.1, 0.2, NaN, 0.4]);

  it('drops rows without a target and breaks time ties by the given key', () => {
    const all = Float64Array.from([0.1, 0.2, 0.3, 0.4]);
    const byTable = makeTask(table, { source: 't', kind: 'quantile', target: 'y', y: all });
    expect(Array.from(byTable.rows)).toEqual([1, 3, 0, 2]);
    const tieBreak = Float64Array.from(table.ids, Number);
    const byId = makeTask(table, { source: 't', kind: 'quantile', target: 'y', y: all, tieBreak });
    expect(Array.from(byId.rows)).toEqual([1, 3, 2, 0]);
    const usable = makeTask(table, { source: 't', kind: 'quantile', target: 'y', y });
    expect(Array.from(usable.rows)).toEqual([1, 3, 0]);
  });

  it('keeps only the training part of the holdout for model selection', () => {
    const all = Float64Array.from([0.1, 0.2, 0.3, 0.4]);
    const task = makeTask(table, { source: 't', kind: 'quantile', target: 'y', y: all });
    const part = trainingPart(task, 0.5);
    expect(Array.from(part.rows)).toEqual([1, 3]);
    expect(Array.from(part.y)).toEqual([0.2, 0.4]);
    expect(Array.from(part.numeric.get('attr_x') ?? [])).toEqual([2, 4]);
    expect(part.referenceGroup).toEqual(['a', 'b']);
  });

  it('leaves out features by attribute key for leakage checks', () => {
    const task = makeTask(table, { source: 't', kind: 'binary', target: 'y', y });
    const kept = withoutFeatures(task, ['leak']);
    expect([...kept.numeric.keys()]).toEqual(['attr_x']);
    expect([...task.numeric.keys()]).toEqual(['attr_x', 'attr_leak']);
  });
});
