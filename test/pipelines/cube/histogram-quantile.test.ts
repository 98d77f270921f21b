import { DuckDBInstance, listValue } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  histogramQuantile,
  mergeHistograms,
  type DayHistogram,
} from '../../../pipelines/cube/histogram-quantile.ts';

const histogramOf = (xs: readonly number[]): DayHistogram => {
  const h = new Map<number, number>();
  for (const x of xs) h.set(x, (h.get(x) ?? 0) + 1);
  return h;
};

describe('quantiles of merged histograms', () => {
  let conn: DuckDBConnection;
  beforeAll(async () => {
    conn = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(() => conn.closeSync());

  const exact = async (xs: readonly number[], q: number): Promise<number | null> => {
    if (xs.length === 0) return null;
    const r = await conn.runAndReadAll(
      'SELECT quantile_cont(x, $q)::DOUBLE AS v FROM unnest($xs::INTEGER[]) t(x)',
      { xs: listValue([...xs]), q },
    );
    return (r.getRowObjectsJson()[0]?.v as number | null) ?? null;
  };

  it('equal quantile_cont over the values, however the values are split into cells', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: -40, max: 400 }), { maxLength: 30 }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.constantFrom(0, 0.1, 0.5, 0.8, 0.9, 1),
        async (cells, q) => {
          const merged = mergeHistograms(cells.map(histogramOf));
          const all = cells.flat();
          const got = histogramQuantile(merged, q);
          const want = await exact(all, q);
          if (want === null) expect(got).toBeNull();
          else expect(got).toBeCloseTo(want, 9);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });

  it('interpolate between ranks as quantile_cont does', () => {
    // [-2, 0, 5, 10]: P80 at position 2.4 -> 5 + 0.4 * 5 = 7 (the kpi-small fixture's figure).
    const h = mergeHistograms([histogramOf([0, 5]), histogramOf([-2, 10])]);
    expect(histogramQuantile(h, 0.8)).toBeCloseTo(7, 12);
    expect(histogramQuantile(h, 0.5)).toBeCloseTo(2.5, 12);
    expect(histogramQuantile(new Map(), 0.5)).toBeNull();
  });
});
