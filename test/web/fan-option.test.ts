import { describe, expect, it } from 'vitest';
import type { CashFlowForecast } from '../../api/types.ts';
import { fanOption, hasFanData, type FanPoint } from '../../web/src/lib/charts/fan-option.ts';
import { cashFlowView, readHorizon } from '../../web/src/lib/forecast/cash-flow-view.ts';
import { createFormat } from '../../web/src/lib/format.ts';

const f = createFormat('en-US');
const labels = {
  p50: 'P50',
  band: 'P10–P90',
  p10: 'P10',
  p90: 'P90',
  week: 'Week of',
  aria: 'fan',
};
const points: FanPoint[] = [
  { weekStart: '2026-11-02', p10: 0, p50: 10, p90: 30 },
  { weekStart: '2026-11-09', p10: 100, p50: 150, p90: 260 },
];

describe('fanOption', () => {
  it('stacks an invisible P10 base under the P90 - P10 band, with the P50 on top', () => {
    const option = fanOption(points, { format: f, currency: 'USD', labels });
    const series = option.series as { name: string; stack?: string; data: number[] }[];
    expect(series.map((s) => s.name)).toEqual(['p10-base', 'P10–P90', 'P50']);
    expect(series[0]!.data).toEqual([0, 100]);
    expect(series[1]!.data).toEqual([30, 160]);
    expect(series[0]!.stack).toBe(series[1]!.stack);
    expect(series[2]!.stack).toBeUndefined();
    expect(series[2]!.data).toEqual([10, 150]);
  });

  it('labels weeks with locale dates and the tooltip with money in the currency', () => {
    const option = fanOption(points, { format: f, currency: 'USD', labels });
    expect((option.xAxis as { data: string[] }).data).toEqual(['Nov 2, 2026', 'Nov 9, 2026']);
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter([{ dataIndex: 1 }]);
    expect(html).toContain('Week of Nov 9, 2026');
    expect(html).toContain('$260');
    expect(html).toContain('$150');
    const zh = fanOption(points, { format: createFormat('zh-CN'), currency: 'CNY', labels });
    expect((zh.xAxis as { data: string[] }).data[0]).toBe('2026年11月2日');
  });

  it('knows when there is nothing to draw', () => {
    expect(hasFanData(points)).toBe(true);
    expect(hasFanData([{ weekStart: '2026-11-02', p10: 0, p50: 0, p90: 0 }])).toBe(false);
  });
});

describe('cashFlowView', () => {
  const week = (weekStart: string, p50: number, cum: number) => ({
    weekStart,
    p10: p50 / 2,
    p50,
    p90: p50 * 2,
    cumulativeP10: cum / 2,
    cumulativeP50: cum,
    cumulativeP90: cum * 2,
  });
  const forecast: CashFlowForecast = {
    asOf: '2026-10-31',
    currency: 'USD',
    modelVersion: 1,
    runs: 2000,
    weeks: [week('2026-10-26', 10, 10), week('2026-11-02', 20, 30), week('2026-11-09', 900, 930)],
    openAmount: 930,
    milestones: 5,
  };

  it('draws all weeks but the last, which carries every later payment', () => {
    const view = cashFlowView(forecast);
    expect(view.weekly.map((w) => w.weekStart)).toEqual(['2026-10-26', '2026-11-02']);
    expect(view.cumulative.map((w) => w.p50)).toEqual([10, 30]);
    expect(view.tail).toEqual({ weekStart: '2026-11-09', p10: 450, p50: 900, p90: 1800 });
    expect(view.horizonP50).toBe(30);
  });

  it('keeps a single week as it is', () => {
    const view = cashFlowView({ ...forecast, weeks: forecast.weeks.slice(0, 1) });
    expect(view.weekly).toHaveLength(1);
    expect(view.tail).toBeUndefined();
  });

  it('reads the horizon from the URL, falling back to 26 weeks', () => {
    expect(readHorizon('13')).toBe(13);
    expect(readHorizon('52')).toBe(52);
    expect(readHorizon('7')).toBe(26);
    expect(readHorizon(null)).toBe(26);
  });
});
