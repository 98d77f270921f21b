import { describe, expect, it } from 'vitest';
import type { KpiTrendPoint } from '../../api/types.ts';
import {
  hasTrendData,
  plottedRate,
  trendAriaLabel,
  trendOption,
  trendTooltip,
  trimEmptyMonths,
} from '../../web/src/lib/charts/trend-option.ts';
import { createFormat } from '../../web/src/lib/format.ts';
import { en } from '../../web/src/lib/i18n/en.ts';

const point = (month: string, over: Partial<KpiTrendPoint> = {}): KpiTrendPoint => ({
  month,
  completed: 40,
  onTime: 30,
  onTimeRate: 0.75,
  submitted: 44,
  disputed: 4,
  disputeRate: 4 / 44,
  medianSlipDays: 1,
  medianPaymentLagDays: 15,
  ...over,
});

const months = [
  point('2024-11'),
  point('2024-12', {
    completed: 0,
    onTime: 0,
    onTimeRate: null,
    submitted: 2,
    disputed: 1,
    disputeRate: 0.5,
  }),
  point('2025-01', { completed: 50, onTime: 20, onTimeRate: 0.4 }),
];
const settings = { format: createFormat('en-US'), messages: en.trend };

type Series = { type: string; name: string; data: unknown[]; yAxisIndex: number };
type Axis = { min?: number; max?: number; axisLabel: { formatter: (v: number) => string } };

describe('trendOption', () => {
  const option = trendOption(months, settings);
  const series = option.series as Series[];

  it('draws on-time and dispute rate as lines on the rate axis and volume as bars', () => {
    expect(series.map((s) => [s.type, s.name, s.yAxisIndex])).toEqual([
      ['bar', 'Completed', 1],
      ['line', 'On-time rate', 0],
      ['line', 'Dispute rate', 0],
    ]);
    expect(series[0]?.data).toEqual([40, 0, 50]);
    // December's 1 of 2 disputed rests on too few milestones to plot.
    expect(series[2]?.data).toEqual([4 / 44, null, 4 / 44]);
    const all = trendOption(months, { ...settings, minCount: 1 }).series as Series[];
    expect(all[2]?.data).toEqual([4 / 44, 0.5, 4 / 44]);
  });

  it('leaves a gap, not a zero, for a month without completed milestones', () => {
    expect(series[1]?.data).toEqual([0.75, null, 0.4]);
  });

  it('labels months and shows rates on a 0-100% axis', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['Nov 2024', 'Dec 2024', 'Jan 2025']);
    const [rateAxis] = option.yAxis as Axis[];
    expect(rateAxis?.min).toBe(0);
    expect(rateAxis?.max).toBe(1);
    expect(rateAxis?.axisLabel.formatter(0.25)).toBe('25%');
  });

  it('puts the counts in the tooltip of the hovered month', () => {
    const tooltip = option.tooltip as { formatter: (params: unknown) => string };
    const html = tooltip.formatter([{ dataIndex: 2 }, { dataIndex: 2 }]);
    expect(html).toContain('Jan 2025');
    expect(html).toContain('40.0%');
    expect(html).toContain('20 of 50 on time');
    expect(html).toContain('4 of 44 disputed');
    expect(tooltip.formatter({ dataIndex: 9 })).toBe('');
  });

  it('describes the chart for screen readers', () => {
    expect(option.aria).toMatchObject({ enabled: true });
    expect(trendAriaLabel(months, settings)).toContain('3 cohort months from Nov 2024 to Jan 2025');
  });

  it('is a plain, serialisable description apart from its formatters', () => {
    expect(() => JSON.stringify(option)).not.toThrow();
  });
});

describe('trendTooltip', () => {
  it('escapes text and shows a dash for a missing rate', () => {
    const html = trendTooltip(point('2024-12', { onTimeRate: null, completed: 0, onTime: 0 }), {
      ...settings,
      messages: { ...en.trend, onTimeRate: 'On <time>' },
    });
    expect(html).toContain('On &lt;time&gt;');
    expect(html).toContain('—');
    expect(html).toContain('0 of 0 on time');
  });
});

describe('hasTrendData', () => {
  it('is false for no months or months without activity', () => {
    expect(hasTrendData([])).toBe(false);
    expect(hasTrendData([point('2025-01', { completed: 0, submitted: 0 })])).toBe(false);
    expect(hasTrendData(months)).toBe(true);
  });
});

describe('trimEmptyMonths', () => {
  const idle = (month: string) =>
    point(month, {
      completed: 0,
      onTime: 0,
      onTimeRate: null,
      submitted: 0,
      disputed: 0,
      disputeRate: null,
    });

  it('drops idle months at both ends (future cohorts hold only open work) but keeps inner gaps', () => {
    const trimmed = trimEmptyMonths([
      idle('2024-09'),
      point('2024-10'),
      idle('2024-11'),
      point('2024-12'),
      idle('2025-01'),
      idle('2025-02'),
    ]);
    expect(trimmed.map((m) => m.month)).toEqual(['2024-10', '2024-11', '2024-12']);
  });

  it('is empty when no month has activity', () => {
    expect(trimEmptyMonths([idle('2025-01')])).toEqual([]);
  });
});

describe('plottedRate', () => {
  it('hides rates resting on fewer milestones than the minimum', () => {
    expect(plottedRate(1, 1, 10)).toBeNull();
    expect(plottedRate(0.5, 10, 10)).toBe(0.5);
    expect(plottedRate(null, 50, 10)).toBeNull();
  });
});
