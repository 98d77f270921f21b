import { describe, expect, it } from 'vitest';
import type { MilestoneRow } from '../../api/types.ts';
import { ageOption } from '../../web/src/lib/charts/age-option.ts';
import {
  beyondPercentile,
  deliveredRatios,
  openAges,
  ratioPercentiles,
} from '../../web/src/lib/forecast/milestone-age.ts';
import { createFormat } from '../../web/src/lib/format.ts';

const row = (over: Partial<MilestoneRow>): MilestoneRow => ({
  milestoneId: 'M1',
  name: 'Creative',
  projectId: 'J1',
  contractId: 'C1',
  brandId: 'B1',
  partnerId: 'P1',
  partnerKind: 'agency',
  pricingModel: 'milestone',
  type: 'creative',
  status: 'in_progress',
  plannedStart: '2026-10-01',
  baselineDue: '2026-10-11',
  currentDue: '2026-10-11',
  submittedDate: null,
  approvedDate: null,
  slipDays: null,
  amount: 1000,
  currency: 'CNY',
  disputed: false,
  paidDate: null,
  ...over,
});

describe('openAges', () => {
  it('measures elapsed days against the planned duration, as of the given date', () => {
    const [p] = openAges([row({})], '2026-10-31');
    expect(p).toMatchObject({ ageDays: 30, plannedDays: 10, ratio: 3 });
  });

  it('leaves out planned, delivered and not-yet-started milestones', () => {
    const rows = [
      row({ status: 'planned' }),
      row({ approvedDate: '2026-10-20', status: 'approved' }),
      row({ plannedStart: '2026-11-05', baselineDue: '2026-11-30' }),
      row({ plannedStart: null }),
    ];
    expect(openAges(rows, '2026-10-31')).toEqual([]);
  });
});

describe('historical percentiles', () => {
  it('computes delivered ÷ planned and interpolated percentiles', () => {
    const ratios = deliveredRatios([
      row({ approvedDate: '2026-10-11' }), // 1.0
      row({ approvedDate: '2026-10-21' }), // 2.0
      row({ approvedDate: '2026-10-06' }), // 0.5
      row({ approvedDate: null }),
    ]);
    expect(ratios.sort()).toEqual([0.5, 1, 2]);
    const [p50, p80, p90] = ratioPercentiles(ratios);
    expect(p50).toEqual({ level: 0.5, ratio: 1 });
    expect(p80!.ratio).toBeCloseTo(1.6);
    expect(p90!.ratio).toBeCloseTo(1.8);
    expect(ratioPercentiles([])).toEqual([]);
  });

  it('counts open milestones beyond a percentile and draws the lines', () => {
    const points = openAges(
      [row({}), row({ plannedStart: '2026-10-25', baselineDue: '2026-11-30' })],
      '2026-10-31',
    );
    const percentiles = ratioPercentiles([0.5, 1, 2]);
    expect(beyondPercentile(points, percentiles, 0.9)).toBe(1);
    const option = ageOption(points, percentiles, {
      format: createFormat('en-US'),
      statusName: (s) => s,
      labels: {
        ageAxis: 'Age',
        ratioAxis: '×',
        ratio: 'Elapsed ÷ planned',
        percentile: (p) => `Historical ${p}`,
        aria: 'age',
      },
    });
    const [scatter] = option.series as {
      data: number[][];
      markLine: { data: { yAxis: number; label: { formatter: string } }[] };
    }[];
    expect(scatter!.data[0]).toEqual([30, 3]);
    expect(scatter!.markLine.data.map((m) => m.label.formatter)).toEqual([
      'Historical P50',
      'Historical P80',
      'Historical P90',
    ]);
    expect((option.yAxis as { max: number }).max).toBeGreaterThanOrEqual(3);
  });
});
