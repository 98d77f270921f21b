import { describe, expect, it } from 'vitest';
import type { PolicyImpact } from '../../api/types.ts';
import { forestExtent, forestOption } from '../../web/src/lib/charts/forest-option.ts';
import { createFormat } from '../../web/src/lib/format.ts';
import { insightsEn } from '../../web/src/lib/i18n/insights-en.ts';
import { insightsZh } from '../../web/src/lib/i18n/insights-zh.ts';
import {
  forestLabel,
  forestRows,
  forestSentence,
  zeroVerdict,
  type ForestRow,
} from '../../web/src/lib/policy-forest.ts';

const est = (value: number | null, interval: [number, number] | null) => ({ value, interval });
const cell = { value: 0.5, numerator: 5, denominator: 10, interval: null };
const result = (did: ReturnType<typeof est>, ba: ReturnType<typeof est>) => ({
  treatedBefore: cell,
  treatedAfter: cell,
  controlBefore: cell,
  controlAfter: cell,
  beforeAfter: { relative: est(null, null), absolute: ba },
  differenceInDifferences: { relative: est(null, null), absolute: did },
});
const impact = {
  onTime: result(est(0.031, [-0.005, 0.068]), est(0.1, [0.06, 0.14])),
  dispute: result(est(-0.05, [-0.07, -0.02]), est(0.01, null)),
} as unknown as PolicyImpact;

describe('zeroVerdict', () => {
  it('tells whether a 95% interval excludes zero', () => {
    expect(zeroVerdict([0.01, 0.2])).toBe('above');
    expect(zeroVerdict([-0.2, -0.01])).toBe('below');
    expect(zeroVerdict([-0.005, 0.068])).toBe('includesZero');
    expect(zeroVerdict([0, 0.1])).toBe('includesZero');
    expect(zeroVerdict(null)).toBe('unknown');
    expect(zeroVerdict([Number.NaN, 1])).toBe('unknown');
  });
});

describe('forestRows', () => {
  it('lists difference-in-differences then before/after, for on-time then dispute rate', () => {
    const rows = forestRows(impact);
    expect(rows.map((r) => `${r.metric}/${r.kind}/${r.verdict}`)).toEqual([
      'onTime/did/includesZero',
      'onTime/beforeAfter/above',
      'dispute/did/below',
      'dispute/beforeAfter/unknown',
    ]);
    expect(rows[0]).toMatchObject({ value: 0.031, interval: [-0.005, 0.068] });
  });
});

describe('forestSentence', () => {
  const rows = forestRows(impact);
  const row = (i: number) => rows[i] as ForestRow;

  it('says in English whether the effect is distinguishable from zero', () => {
    const f = createFormat('en-US');
    const t = insightsEn.policy;
    expect(forestSentence(row(0), t, f)).toBe(
      'On-time rate (difference-in-differences) changed by +3.1 points (95% interval -0.5 to +6.8): not distinguishable from zero.',
    );
    expect(forestSentence(row(2), t, f)).toMatch(
      /-5\.0 points .*: distinguishable from zero \(a decrease\)\.$/,
    );
    expect(forestSentence(row(3), t, f)).toBe(
      'Dispute rate (before/after) changed by +1.0 points (too few brands for an interval).',
    );
  });

  it('says it in Chinese with the zh-CN number format', () => {
    const f = createFormat('zh-CN');
    const t = insightsZh.policy;
    expect(forestLabel(row(1), t)).toBe('准时率（前后对比）');
    expect(forestSentence(row(1), t, f)).toBe(
      '准时率（前后对比）变化 +10.0 个百分点（95% 区间 +6.0 至 +14.0）：与零可区分（上升）。',
    );
  });
});

describe('forestOption', () => {
  it('draws a point per estimate, a bar per interval in percentage points, and a line at 0', () => {
    const rows = forestRows(impact);
    const f = createFormat('en-US');
    const option = forestOption(rows, {
      labels: ['a', 'b', 'c', 'd'],
      sentences: [],
      axisName: 'pts',
      aria: 'x',
      f,
    });
    const series = (
      option.series as {
        data: { value: number[]; symbol: string }[];
        markLine: { data: unknown[] };
      }[]
    )[0];
    expect(series?.data.map((d) => d.value)).toEqual([
      [3.1, 0],
      [10, 1],
      [-5, 2],
      [1, 3],
    ]);
    expect(series?.data.map((d) => d.symbol)).toEqual([
      'emptyCircle',
      'circle',
      'circle',
      'emptyCircle',
    ]);
    const lines = series?.markLine.data ?? [];
    expect(lines[0]).toMatchObject({ xAxis: 0 });
    expect(lines).toHaveLength(4); // zero line + three intervals (the fourth estimate has none)
    expect(lines[1]).toEqual([expect.objectContaining({ coord: [-0.5, 0] }), { coord: [6.8, 0] }]);
    const axis = option.xAxis as { axisLabel: { formatter: (v: number) => string } };
    expect(axis.axisLabel.formatter(-2.5)).toBe('-2.5');
    expect(axis.axisLabel.formatter(5)).toBe('+5');
  });

  it('extends the axis over every interval and 0, to whole steps', () => {
    // Estimates -5.0 to +10.0, intervals -7.0 to +14.0: range 21 points, steps of 10.
    expect(forestExtent(forestRows(impact))).toEqual({ min: -10, max: 20 });
    const small = [
      { metric: 'onTime', kind: 'did', value: 0.01, interval: [0.004, 0.02], verdict: 'above' },
    ] as ForestRow[];
    expect(forestExtent(small)).toEqual({ min: 0, max: 3 });
  });
});
