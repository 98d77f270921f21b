// ECharts option for a project's milestones as ranges on a date axis: a bar from P10 to P90 of each
// delivery date (darker when more often critical), a diamond at P50 and a tick at the baseline due.
// Bars are stacked on an invisible base that ends at P10 (the axis starts after it, so it is cut).
import { dayAxis } from './axes.ts';
import type { BarSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ProjectForecast } from '../../../../api/types.ts';
import type { Format } from '../format.ts';
import { tooltipBase, tooltipRow, tooltipTitle } from './chart-text.ts';
import { forecastColors, shareColor } from './forecast-colors.ts';
import { isoToDay } from './iso-day.ts';
import { palette } from './palette.ts';

export type TimelineOption = ComposeOption<
  | BarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;

type Milestone = ProjectForecast['milestones'][number];

export interface TimelineLabels {
  range: string;
  p50: string;
  baselineDue: string;
  criticality: string;
  deadline: string;
  aria: string;
}

export interface TimelineSettings {
  format: Format;
  labels: TimelineLabels;
  deadline?: string | undefined;
}

/** Pixels per milestone row; the page sizes the chart with it. */
export const TIMELINE_ROW_PX = 30;

export function timelineHeight(count: number): string {
  return `${Math.max(160, count * TIMELINE_ROW_PX + 56)}px`;
}

export function timelineOption(
  milestones: readonly Milestone[],
  settings: TimelineSettings,
): TimelineOption {
  const { format: f, labels } = settings;
  // First milestone on top: category axes count from the bottom.
  const rows = [...milestones].reverse();
  const [lo, hi] = dayRange(milestones, settings.deadline);
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: labels.aria } },
    grid: { left: 8, right: 24, top: 24, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (params: unknown) => {
        const m = rows[indexOf(params)];
        return m ? timelineTooltip(m, settings) : '';
      },
    },
    xAxis: { ...dayAxis(lo, hi, f), splitLine: { lineStyle: { color: palette.grid } } },
    yAxis: {
      type: 'category',
      data: rows.map((m) => m.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: { color: palette.text, width: 180, overflow: 'truncate' },
    },
    series: timelineSeries(rows, settings),
  };
}

function timelineSeries(rows: readonly Milestone[], settings: TimelineSettings) {
  const { labels } = settings;
  const base: BarSeriesOption = {
    type: 'bar',
    stack: 'range',
    silent: true,
    itemStyle: { color: 'transparent' },
    data: rows.map((m) => isoToDay(m.p10)),
  };
  const range: BarSeriesOption = {
    type: 'bar',
    name: labels.range,
    stack: 'range',
    barWidth: 14,
    data: rows.map((m) => ({
      value: Math.max(1, isoToDay(m.p90) - isoToDay(m.p10)),
      itemStyle: {
        color: m.done ? forecastColors.done : shareColor(m.criticality),
        borderRadius: 3,
      },
    })),
  };
  if (settings.deadline) {
    range.markLine = {
      symbol: 'none',
      silent: true,
      data: [
        {
          xAxis: isoToDay(settings.deadline),
          lineStyle: { color: forecastColors.deadline, type: 'dashed', width: 2 },
          label: { formatter: labels.deadline, color: forecastColors.deadline, fontSize: 12 },
        },
      ],
    };
  }
  const p50: ScatterSeriesOption = {
    type: 'scatter',
    name: labels.p50,
    symbol: 'diamond',
    symbolSize: 12,
    itemStyle: { color: '#ffffff', borderColor: forecastColors.median, borderWidth: 2 },
    data: rows.map((m, i) => [isoToDay(m.p50), i]),
    z: 4,
  };
  const due: ScatterSeriesOption = {
    type: 'scatter',
    name: labels.baselineDue,
    symbol: 'rect',
    symbolSize: [3, 20],
    itemStyle: { color: forecastColors.baseline },
    data: rows.map((m, i) => [isoToDay(m.baselineDue), i]),
    z: 3,
  };
  return [base, range, p50, due];
}

function timelineTooltip(m: Milestone, { format: f, labels }: TimelineSettings): string {
  return [
    tooltipTitle(m.name),
    tooltipRow(shareColor(m.criticality), labels.range, `${f.date(m.p10)} – ${f.date(m.p90)}`),
    tooltipRow(forecastColors.median, labels.p50, f.date(m.p50)),
    tooltipRow(forecastColors.baseline, labels.baselineDue, f.date(m.baselineDue)),
    tooltipRow(shareColor(m.criticality), labels.criticality, f.percent(m.criticality)),
  ].join('');
}

/** Axis range: every date shown, with a few days of margin on each side. */
export function dayRange(milestones: readonly Milestone[], deadline?: string): [number, number] {
  const days = milestones.flatMap((m) => [m.p10, m.p90, m.baselineDue].map(isoToDay));
  if (deadline) days.push(isoToDay(deadline));
  if (days.length === 0) return [0, 1];
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  const margin = Math.max(3, Math.round((hi - lo) * 0.03));
  return [lo - margin, hi + margin];
}

/** Row of an item-triggered tooltip (scatter items are [x, row]; bars carry dataIndex). */
function indexOf(params: unknown): number {
  if (typeof params !== 'object' || params === null) return -1;
  const p = params as { dataIndex?: unknown };
  return typeof p.dataIndex === 'number' ? p.dataIndex : -1;
}
