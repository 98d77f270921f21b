import { describe, expect, it } from 'vitest';
import type { ProjectForecast } from '../../api/types.ts';
import { finishCdfOption } from '../../web/src/lib/charts/finish-cdf-option.ts';
import { addDays, daysBetween, dayToIso, isoToDay } from '../../web/src/lib/charts/iso-day.ts';
import {
  dayRange,
  timelineHeight,
  timelineOption,
} from '../../web/src/lib/charts/milestone-timeline-option.ts';
import { createFormat } from '../../web/src/lib/format.ts';

const f = createFormat('en-US');
const milestone = (
  name: string,
  p10: string,
  p50: string,
  p90: string,
  over: Partial<ProjectForecast['milestones'][number]> = {},
) => ({
  milestoneId: name,
  name,
  status: 'in_progress',
  baselineDue: p50,
  done: false,
  p10,
  p50,
  p90,
  criticality: 0.5,
  ...over,
});

describe('iso-day', () => {
  it('round-trips dates and counts days across a month end', () => {
    expect(dayToIso(isoToDay('2026-02-28'))).toBe('2026-02-28');
    expect(daysBetween('2026-02-27', '2026-03-02')).toBe(3);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(Number.isNaN(isoToDay('soon'))).toBe(true);
  });
});

describe('timelineOption', () => {
  const labels = {
    range: 'P10–P90',
    p50: 'P50',
    baselineDue: 'Baseline due',
    criticality: 'Criticality',
    deadline: 'Deadline',
    aria: 'timeline',
  };
  const rows = [
    milestone('Strategy', '2026-01-10', '2026-01-10', '2026-01-10', { done: true }),
    milestone('Livestream', '2026-11-01', '2026-11-10', '2026-12-01', { criticality: 0.9 }),
  ];

  it('puts the first milestone on top and bars from P10 to P90 on a stacked base', () => {
    const option = timelineOption(rows, { format: f, labels, deadline: '2026-11-20' });
    expect((option.yAxis as { data: string[] }).data).toEqual(['Livestream', 'Strategy']);
    const [base, range, p50, due] = option.series as {
      data: (number | { value: number; itemStyle: { color: string } } | number[])[];
    }[];
    expect(base!.data).toEqual([isoToDay('2026-11-01'), isoToDay('2026-01-10')]);
    const bars = range!.data as { value: number; itemStyle: { color: string } }[];
    expect(bars[0]!.value).toBe(30);
    expect(bars[1]!.value).toBe(1); // a delivered milestone still shows a sliver
    expect(bars[1]!.itemStyle.color).toBe('#94a3b8');
    expect(bars[0]!.itemStyle.color).not.toBe(bars[1]!.itemStyle.color);
    expect(p50!.data[0]).toEqual([isoToDay('2026-11-10'), 0]);
    expect(due!.data[1]).toEqual([isoToDay('2026-01-10'), 1]);
  });

  it('spans every date and the deadline, and grows with the number of milestones', () => {
    const [lo, hi] = dayRange(rows, '2027-01-15');
    expect(lo).toBeLessThan(isoToDay('2026-01-10'));
    expect(hi).toBeGreaterThan(isoToDay('2027-01-15'));
    expect(timelineHeight(2)).toBe('160px');
    expect(timelineHeight(12)).toBe('416px');
  });
});

describe('finishCdfOption', () => {
  const forecast = {
    deadline: '2026-10-01',
    finish: { p50: '2026-12-07', p80: '2027-01-12', p95: '2027-02-22' },
    finishCdf: [
      { date: '2026-10-31', p: 0 },
      { date: '2026-12-07', p: 0.5 },
      { date: '2027-03-01', p: 0.96 },
    ],
  };

  it('plots the CDF on day numbers and marks P50, P80, P95 and the deadline', () => {
    const option = finishCdfOption(forecast, {
      format: f,
      labels: { share: 'Finished', deadline: 'Deadline', aria: 'cdf' },
    });
    const [line] = option.series as {
      data: number[][];
      markLine: { data: { name: string; xAxis: number }[] };
    }[];
    expect(line!.data[1]).toEqual([isoToDay('2026-12-07'), 0.5]);
    expect(line!.markLine.data.map((m) => m.name)).toEqual(['P50', 'P80', 'P95', 'Deadline']);
    // A deadline already past still shows: the axis starts at it.
    expect((option.xAxis as { min: number }).min).toBe(isoToDay('2026-10-01'));
    const label = (option.xAxis as { axisLabel: { formatter: (d: number) => string } }).axisLabel;
    expect(label.formatter(isoToDay('2026-12-07'))).toBe('Dec 7, 2026');
  });
});
