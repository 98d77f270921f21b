// The policy-impact answer (pipelines/policy) as rows to read: each cell's rate with its counts
// and interval, then the before/after and difference-in-differences estimates.
import type { DidResult, PolicyImpact } from '../../pipelines/schema/policy.ts';
import { percent } from './markdown-table.ts';

type Interval = [number, number] | null;

const span = (i: Interval, f: (v: number) => string) => (i ? `${f(i[0])} to ${f(i[1])}` : '');
const signed = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
const points = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)} pt`;

/** The four cells of one rate: rate, numerator / denominator and the 95% interval. */
export function didCellRows(r: DidResult) {
  const cells = [
    ['switched, before', r.treatedBefore],
    ['switched, after', r.treatedAfter],
    ['never switched, before', r.controlBefore],
    ['never switched, after', r.controlAfter],
  ] as const;
  return cells.map(([cell, c]) => ({
    cell,
    rate: percent(c.value),
    count: `${c.numerator} / ${c.denominator}`,
    '95% interval': span(c.interval, (v) => percent(v)),
  }));
}

/** Before/after and DiD, relative and in rate points, each with its interval, for both rates. */
export function didEstimateRows(impact: PolicyImpact) {
  const rows = [];
  for (const [rate, r] of [
    ['on-time rate', impact.onTime],
    ['dispute rate', impact.dispute],
  ] as const) {
    for (const [name, e] of [
      ['before/after (switched only)', r.beforeAfter],
      ['difference-in-differences', r.differenceInDifferences],
    ] as const) {
      rows.push({
        rate,
        estimate: name,
        relative: e.relative.value === null ? '' : signed(e.relative.value),
        '95% interval': span(e.relative.interval, signed),
        'rate points': e.absolute.value === null ? '' : points(e.absolute.value),
        '95% interval (points)': span(e.absolute.interval, points),
      });
    }
  }
  return rows;
}

/** One row per placebo run (placebo.ts): the shift, the sample and both DiD estimates. */
export function placeboRows(
  runs: readonly { months: number; sampleEnd: string; impact: PolicyImpact }[],
) {
  return runs.map(({ months, sampleEnd, impact }) => {
    const est = (r: DidResult) => r.differenceInDifferences.relative;
    const show = (r: DidResult) =>
      est(r).value === null
        ? ''
        : `${signed(est(r).value as number)} (${span(est(r).interval, signed)})`;
    return {
      'pretend switch': `${months} months early`,
      'sample ends': sampleEnd,
      'switched, after (completed)': impact.onTime.treatedAfter.denominator,
      'on-time DiD (95%)': show(impact.onTime),
      'dispute DiD (95%)': show(impact.dispute),
    };
  });
}
