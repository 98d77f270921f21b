// The parallel-trends check of a difference-in-differences: the slope of a rate per quarter over
// the quarters before the switch, for the switching brands and for the controls. Each quarter is
// weighted by its count (completed or submitted milestones), so a thin quarter far from the switch
// does not swing the line.
import type { EventTimeRow } from './event-time.ts';

export type EventRate = 'onTimeRate' | 'disputeRate';

export interface PreTrend {
  rate: EventRate;
  /** Weighted least-squares slope of the rate per quarter over the pre-period (NaN: < 2 quarters). */
  treatedSlope: number;
  controlSlope: number;
  /** treatedSlope - controlSlope: near 0 when the pre-period trends are parallel. */
  difference: number;
  /**
   * Binomial standard error of the difference, from each quarter's count. It ignores that
   * milestones cluster by brand (and that controls are stacked), so it is a lower bound.
   */
  standardError: number;
  /** Quarters of the pre-period that had data in both groups. */
  quarters: number;
}

const weightOf = (r: EventTimeRow, rate: EventRate) =>
  rate === 'onTimeRate' ? r.completed : r.submitted;

type Point = readonly [x: number, rate: number, count: number];

/**
 * Slope of a rate on x weighted by counts, and its binomial standard error (each quarter's rate
 * has variance p(1 - p) / n). NaN with fewer than two distinct x.
 */
export function weightedSlope(points: readonly Point[]): { slope: number; se: number } {
  const w = points.reduce((s, p) => s + p[2], 0);
  if (points.length < 2 || w <= 0) return { slope: Number.NaN, se: Number.NaN };
  const mx = points.reduce((s, p) => s + p[2] * p[0], 0) / w;
  const my = points.reduce((s, p) => s + p[2] * p[1], 0) / w;
  const sxy = points.reduce((s, p) => s + p[2] * (p[0] - mx) * (p[1] - my), 0);
  const sxx = points.reduce((s, p) => s + p[2] * (p[0] - mx) ** 2, 0);
  if (sxx <= 0) return { slope: Number.NaN, se: Number.NaN };
  const v = points.reduce((s, p) => s + p[2] * (p[0] - mx) ** 2 * p[1] * (1 - p[1]), 0);
  return { slope: sxy / sxx, se: Math.sqrt(v) / sxx };
}

/** Compares the pre-period (quarters < 0) slopes of a rate for treated and control. */
export function preTrend(rows: readonly EventTimeRow[], rate: EventRate): PreTrend {
  const points = (group: EventTimeRow['group']) =>
    rows
      .filter((r) => r.group === group && r.quarter < 0 && r[rate] !== null)
      .map((r) => [r.quarter, r[rate] as number, weightOf(r, rate)] as const);
  const treated = points('treated');
  const control = points('control');
  const shared = treated.filter((t) => control.some((c) => c[0] === t[0])).length;
  const t = weightedSlope(treated);
  const c = weightedSlope(control);
  return {
    rate,
    treatedSlope: t.slope,
    controlSlope: c.slope,
    difference: t.slope - c.slope,
    standardError: Math.hypot(t.se, c.se),
    quarters: shared,
  };
}

/** One line per group of a rate against event time, for lineOption (chart-options.ts). */
export function eventSeries(rows: readonly EventTimeRow[], rate: EventRate) {
  return (['treated', 'control'] as const).map((group) => ({
    name: group === 'treated' ? 'switched to milestone pricing' : 'never switched (stacked)',
    points: rows.filter((r) => r.group === group).map((r) => [r.quarter, r[rate]] as const),
    dashed: group === 'control',
  }));
}
