import { describe, expect, it } from 'vitest';
import {
  fillDurationTable,
  GRID,
  MAX_DAYS,
  tableDuration,
} from '../../../pipelines/forecast/duration-table.ts';
import { normalCdf, normalFromBits, normalQuantile } from '../../../pipelines/forecast/normal.ts';
import {
  quantileAt,
  quantileDistribution,
} from '../../../pipelines/forecast/quantile-distribution.ts';
import { Rng } from '../../../pipelines/random/prng.ts';
import { typical } from './project-fixtures.ts';

describe('the tables behind the hot loop', () => {
  it('turn 32-bit uniforms into normals within 2e-4 of the exact quantile', () => {
    const rng = new Rng(11);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const bits = rng.nextUint32();
      const exact = normalQuantile((bits + 0.5) / 2 ** 32);
      worst = Math.max(worst, Math.abs(normalFromBits(bits) - exact));
    }
    expect(worst).toBeLessThan(2e-4);
    expect(normalFromBits(0)).toBeLessThan(-6);
    expect(normalFromBits(2 ** 32 - 1)).toBeGreaterThan(6);
  });

  it('agree with normal CDF and quantile', () => {
    for (const z of [-5, -2.5, -1, 0, 0.7, 1.6449, 3]) {
      expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 5);
    }
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });

  it('tabulate planned x ratio within 0.1% of the exact quantile function', () => {
    const table = new Float64Array(GRID);
    fillDurationTable(typical, 20, table, 0);
    for (let z = -6; z <= 6; z += 0.0137) {
      const exact = 20 * Math.exp(quantileAt(typical, normalCdf(z)));
      expect(Math.abs(tableDuration(table, 0, z) / exact - 1)).toBeLessThan(1e-3);
    }
  });

  it('cap a heavy tail at a century of days', () => {
    const heavy = quantileDistribution([0.5, 0.9], [0, 3]);
    const table = new Float64Array(GRID);
    fillDurationTable(heavy, 30, table, 0);
    expect(tableDuration(table, 0, 20)).toBe(MAX_DAYS);
  });
});
