import { describe, expect, it } from 'vitest';
import { estimateBand } from '../../../pipelines/models/backtest/source-tasks.ts';
import {
  conformalCohorts,
  makeTask,
  trainingPart,
  type Task,
} from '../../../pipelines/models/backtest/tasks.ts';
import { timeOrderedSplit } from '../../../pipelines/models/backtest/time-split.ts';
import {
  fitQuantileModel,
  predictQuantiles,
} from '../../../pipelines/models/fit/quantile-model.ts';
import { taskMatrix } from '../../../pipelines/models/fit/task-matrix.ts';
import type { MilestoneTable } from '../../../pipelines/models/features/milestone-table.ts';
import { rngFor } from '../../../pipelines/random/prng.ts';

describe('conformal cohorts of a task', () => {
  const table = {
    n: 4,
    ids: ['1', '2', '3', '4'],
    time: Float64Array.from([4, 1, 3, 2]),
    features: {
      numeric: new Map([['attr_x', Float64Array.from([1, 2, 3, 4])]]),
      categorical: new Map(),
    },
    referenceGroup: ['a', 'a', 'b', 'b'],
    meta: { approved: [null, null, null, null] },
  } as unknown as MilestoneTable;
  const y = Float64Array.from([0.1, 0.2, 0.3, 0.4]);

  it('follow the rows into time order and into the training part', () => {
    const spec = { source: 't', kind: 'quantile', target: 'y', y } as const;
    const task = makeTask(table, { ...spec, conformalGroup: ['p', 'q', 'r', 's'] });
    expect(task.conformalGroup).toEqual(['q', 's', 'r', 'p']);
    expect(trainingPart(task, 0.5).conformalGroup).toEqual(['q', 's']);
    expect(conformalCohorts(task, [3, 0])).toEqual(['p', 'q']);
  });

  it('fall back to the reference group', () => {
    const task = makeTask(table, { source: 't', kind: 'quantile', target: 'y', y });
    expect(task.conformalGroup).toBeUndefined();
    expect(conformalCohorts(task, [0, 1, 2, 3])).toEqual(['a', 'b', 'b', 'a']);
  });

  it('band SiP tasks by their estimate', () => {
    expect([0.5, 2, 2.5, 8, 8.25, 40, NaN].map(estimateBand)).toEqual([
      'estimate<=2h',
      'estimate<=2h',
      'estimate<=8h',
      'estimate<=8h',
      'estimate>8h',
      'estimate>8h',
      'estimate<=2h',
    ]);
  });
});

/** Two hidden cohorts the features cannot see: the second runs 2 below the first. */
function hiddenShiftTask(rows: number, withGroups: boolean): Task {
  const rng = rngFor(3, 1);
  const group = Array.from({ length: rows }, (_, i) => (i % 3 === 0 ? 'low' : 'high'));
  const noise = () => rng.normal();
  const y = Float64Array.from(group, (g) => noise() + (g === 'low' ? -2 : 0));
  return {
    source: 't',
    kind: 'quantile',
    target: 'y',
    rows: Int32Array.from({ length: rows }, (_, i) => i),
    y,
    time: Float64Array.from({ length: rows }, (_, i) => i),
    knownAt: Float64Array.from({ length: rows }, (_, i) => i),
    numeric: new Map([['x', Float64Array.from({ length: rows }, () => rng.uniform(0, 1))]]),
    categorical: new Map(),
    referenceGroup: new Array<string>(rows).fill('all'),
    ...(withGroups ? { conformalGroup: group } : {}),
  };
}

describe('Mondrian conformal shifts by conformal group', () => {
  const coverageByGroup = (withGroups: boolean) => {
    const task = hiddenShiftTask(3000, withGroups);
    const split = timeOrderedSplit(task.time);
    const model = fitQuantileModel(task, split, { levels: [0.8], cohortMinRows: 100 });
    const [p80] = predictQuantiles(
      model,
      taskMatrix(task, split.test),
      conformalCohorts(task, split.test),
    );
    const hits = { low: 0, high: 0 };
    const rows = { low: 0, high: 0 };
    split.test.forEach((r, i) => {
      const g = r % 3 === 0 ? 'low' : 'high';
      hits[g] += (task.y[r] ?? 0) <= (p80?.[i] ?? 0) ? 1 : 0;
      rows[g] += 1;
    });
    return { model, low: hits.low / rows.low, high: hits.high / rows.high };
  };

  it('gives each cohort its own shift, so each is covered at its level', () => {
    const { model, low, high } = coverageByGroup(true);
    expect(Object.keys(model.corrections[0]?.cohorts ?? {}).sort()).toEqual(['high', 'low']);
    expect(low).toBeGreaterThan(0.74);
    expect(low).toBeLessThan(0.86);
    expect(high).toBeGreaterThan(0.74);
    expect(high).toBeLessThan(0.86);
  });

  it('with one pooled shift the hidden cohorts are mis-covered', () => {
    const { low, high } = coverageByGroup(false);
    expect(low).toBeGreaterThan(0.9);
    expect(high).toBeLessThan(0.74);
  });
});
