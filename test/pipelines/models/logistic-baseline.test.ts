// The linear baseline's speed-ups (row-major Newton steps, four rows a pass; plain loops for
// the one-hot design) must leave its fit as it was: the same additions in the same order. The
// hash and values below were printed by the column-by-column code before the change.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fitLogisticBaseline } from '../../../pipelines/models/backtest/logistic-baseline.ts';
import type { Task } from '../../../pipelines/models/backtest/tasks.ts';
import { taskMatrix } from '../../../pipelines/models/fit/task-matrix.ts';
import { rngFor } from '../../../pipelines/random/prng.ts';

/** n rows: four numeric features (one with missing values), two categorical, a binary y. */
function logisticTask(n: number): Task {
  const rng = rngFor(77, 3);
  const num = (f: () => number) => Float64Array.from({ length: n }, f);
  const a = num(() => rng.normal());
  const b = num(() => (rng.chance(0.2) ? Number.NaN : rng.uniform(0, 50)));
  const c = num(() => rng.normal() * 3 + 10);
  const d = num(() => (rng.chance(0.5) ? 1 : 0));
  const kind = Int32Array.from(
    { length: n },
    () => Math.floor(rng.uniform(0, 6)) - (rng.chance(0.05) ? 7 : 0),
  );
  const type = Int32Array.from({ length: n }, () =>
    rng.chance(0.003) ? 4 : Math.floor(rng.uniform(0, 4)),
  );
  const y = Float64Array.from({ length: n }, (_, i) => {
    const bi = Number.isNaN(b[i]!) ? 25 : b[i]!;
    const logit =
      -0.5 + 0.9 * a[i]! - 0.03 * bi + 0.4 * d[i]! + 0.2 * Math.max(kind[i]!, 0) - 0.3 * type[i]!;
    return rng.chance(1 / (1 + Math.exp(-logit))) ? 1 : 0;
  });
  return {
    source: 't',
    kind: 'binary',
    target: 'late',
    rows: Int32Array.from({ length: n }, (_, i) => i),
    y,
    time: num(() => 0).map((_, i) => i),
    knownAt: num(() => 0).map((_, i) => i),
    numeric: new Map([
      ['a', a],
      ['b', b],
      ['c', c],
      ['d', d],
    ]),
    categorical: new Map([
      ['kind', { codes: kind, levels: ['k0', 'k1', 'k2', 'k3', 'k4', 'k5'] }],
      ['type', { codes: type, levels: ['t0', 't1', 't2', 't3', 't4'] }],
    ]),
    referenceGroup: new Array<string>(n).fill('all'),
  };
}

describe('the logistic baseline', () => {
  it('fits exactly the model it fitted before the row-major Newton steps', () => {
    const task = logisticTask(6000);
    // 4,998 training rows: the Hessian's last two rows take the one-row pass.
    const rows = Int32Array.from({ length: 4998 }, (_, i) => i);
    const test = Int32Array.from({ length: 1000 }, (_, i) => 5000 + i);
    const p = fitLogisticBaseline(task, rows)(taskMatrix(task, test));
    const before = [
      0.0885187521366395, 0.7416165557514596, 0.38863049880853046, 0.23199540287209408,
    ];
    [p[0], p[1], p[500], p[999]].forEach((v, k) =>
      expect(Math.abs(v! - before[k]!)).toBeLessThan(1e-9),
    );
    // Bit for bit, in fact: every probability of the 1,000 held-out rows.
    expect(createHash('sha256').update(new Uint8Array(p.buffer)).digest('hex')).toBe(
      '3d13b88649d7cd976aed8ac71a9beb618c4768ff224c975c50d2307909f89b75',
    );
  });
});
