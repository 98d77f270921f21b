import { describe, expect, it } from 'vitest';
import type { EventTimeRow } from '../../../notebooks/lib/event-time.ts';
import { eventSeries, preTrend, weightedSlope } from '../../../notebooks/lib/pre-trend.ts';

function rows(group: EventTimeRow['group'], rate: (q: number) => number, n = 1000) {
  return Array.from({ length: 8 }, (_, i): EventTimeRow => {
    const quarter = i - 4;
    const onTime = Math.round(rate(quarter) * n);
    return {
      group,
      quarter,
      completed: n,
      onTime,
      onTimeRate: onTime / n,
      submitted: n,
      disputed: 100,
      disputeRate: 0.1,
    };
  });
}

describe('parallel-trends check', () => {
  it('fits the slope of a straight line exactly, whatever the weights', () => {
    const line = [-3, -2, -1].map((x, i) => [x, 0.5 + 0.02 * x, [10, 500, 40][i] ?? 1] as const);
    expect(weightedSlope(line).slope).toBeCloseTo(0.02, 12);
    expect(weightedSlope([[1, 0.5, 10]]).slope).toBeNaN();
  });

  it('weights quarters by their counts: a thin outlier quarter barely moves the line', () => {
    const pts = [
      [-3, 0.5, 1000],
      [-2, 0.5, 1000],
      [-1, 0.9, 5],
    ] as const;
    expect(Math.abs(weightedSlope(pts).slope)).toBeLessThan(0.01);
    const unweighted = pts.map(([x, y]) => [x, y, 1] as const);
    expect(weightedSlope(unweighted).slope).toBeCloseTo(0.2, 12);
  });

  it('finds parallel pre-periods parallel and diverging ones diverging, after-quarters ignored', () => {
    const treated = rows('treated', (q) => (q < 0 ? 0.5 - 0.01 * q : 0.9));
    const parallel = preTrend(
      [...treated, ...rows('control', (q) => 0.4 - 0.01 * q)],
      'onTimeRate',
    );
    expect(parallel.difference).toBeCloseTo(0, 3);
    expect(parallel.quarters).toBe(4);
    const apart = preTrend([...treated, ...rows('control', (q) => 0.4 + 0.03 * q)], 'onTimeRate');
    expect(apart.difference).toBeCloseTo(-0.04, 3);
    expect(apart.standardError).toBeGreaterThan(0);
    expect(Math.abs(apart.difference)).toBeGreaterThan(3 * apart.standardError);
  });

  it('gives one line per group for the chart', () => {
    const series = eventSeries(
      [...rows('treated', () => 0.5), ...rows('control', () => 0.4)],
      'onTimeRate',
    );
    expect(series.map((s) => [s.points.length, s.dashed])).toEqual([
      [8, false],
      [8, true],
    ]);
    expect(series[1]?.points[0]).toEqual([-4, 0.4]);
  });
});
