// ECharts option for the partner comparison: one line per partner over quarters, each line with its
// own colour AND dash/symbol so they differ without colour. Pure: no DOM, no echarts runtime.
import type { LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { QuarterPoint } from '../partner-compare.ts';
import { escapeHtml } from './escape-html.ts';
import { palette } from './palette.ts';

export type CompareChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

export const compareColors = ['#1d4ed8', '#c2410c', '#047857', '#7c3aed'];
const dashes = ['solid', 'dashed', 'dotted', 'dashed'] as const;
const symbols = ['circle', 'rect', 'triangle', 'diamond'];

export interface CompareSeries {
  name: string;
  points: readonly QuarterPoint[];
}

export interface CompareSettings {
  quarters: readonly string[];
  percent: (v: number | null) => string;
  percentRounded: (v: number | null) => string;
  /** "12 of 40" */
  ofCount: (numerator: number, denominator: number) => string;
  ariaLabel: string;
}

export function compareOption(
  series: readonly CompareSeries[],
  s: CompareSettings,
): CompareChartOption {
  const text = { color: palette.text, fontFamily: palette.fontFamily };
  const byQuarter = series.map((one) => new Map(one.points.map((p) => [p.quarter, p])));
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: s.ariaLabel } },
    legend: { top: 0, left: 0, itemGap: 20, textStyle: text },
    grid: { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same' },
    tooltip: compareTooltip(series, byQuarter, s),
    xAxis: {
      type: 'category',
      data: [...s.quarters],
      axisLabel: { ...text, hideOverlap: true },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 1,
      axisLabel: { ...text, formatter: (v: number) => s.percentRounded(v) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: series.map((one, i) => ({
      type: 'line',
      name: one.name,
      data: s.quarters.map((q) => byQuarter[i]?.get(q)?.rate ?? null),
      connectNulls: false,
      color: compareColors[i % compareColors.length],
      lineStyle: { type: dashes[i % dashes.length], width: 2 },
      symbol: symbols[i % symbols.length],
      symbolSize: 6,
    })),
  };
}

type ByQuarter = Map<string, QuarterPoint>[];

/** Each partner's rate in the hovered quarter, with its counts. */
function compareTooltip(
  series: readonly CompareSeries[],
  byQuarter: ByQuarter,
  s: CompareSettings,
): TooltipComponentOption {
  const text = { color: palette.text, fontFamily: palette.fontFamily };
  return {
    trigger: 'axis',
    backgroundColor: palette.tooltipBackground,
    borderColor: palette.grid,
    textStyle: { ...text, fontSize: 13 },
    formatter: (params: unknown) => {
      const items = params as { dataIndex: number; seriesIndex: number; marker: string }[];
      const quarter = s.quarters[items[0]?.dataIndex ?? 0] ?? '';
      const lines = items.map((item) => {
        const p = byQuarter[item.seriesIndex]?.get(quarter);
        const name = escapeHtml(series[item.seriesIndex]?.name ?? '');
        const value = p ? `${s.percent(p.rate)} (${s.ofCount(p.numerator, p.denominator)})` : '—';
        return `${item.marker}${name}: ${escapeHtml(value)}`;
      });
      return [escapeHtml(quarter), ...lines].join('<br/>');
    },
  };
}
