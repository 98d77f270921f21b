// ECharts option for a weekly fan chart: a P10-P90 band and the P50 line per week (cash flow,
// a project's share of milestones delivered).
// The band is drawn as two stacked areas: an invisible P10 base and the P90 - P10 difference on top.
import type { LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Format } from '../format.ts';
import {
  axisLabelStyle,
  chartText,
  dataIndexOf,
  tooltipBase,
  tooltipRow,
  tooltipTitle,
} from './chart-text.ts';
import { forecastColors } from './forecast-colors.ts';
import { palette } from './palette.ts';

export type FanChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

export interface FanPoint {
  /** ISO date of the week's Monday. */
  weekStart: string;
  p10: number;
  p50: number;
  p90: number;
}

export interface FanLabels {
  p50: string;
  band: string;
  p10: string;
  p90: string;
  week: string;
  aria: string;
}

export interface FanSettings {
  format: Format;
  currency: string;
  labels: FanLabels;
  /** Axis and tooltip values (default: money in `currency`), e.g. a percent for shares. */
  formatValue?: (value: number) => string;
  /** Top of the value axis (default: fitted to the data), e.g. 1 for shares. */
  max?: number;
}

export function fanOption(points: readonly FanPoint[], settings: FanSettings): FanChartOption {
  const { format: f, currency, labels } = settings;
  const money = settings.formatValue ?? ((v: number) => f.money(v, currency));
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: labels.aria } },
    legend: { top: 0, left: 0, itemGap: 20, textStyle: chartText, data: [labels.p50, labels.band] },
    grid: { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const p = points[dataIndexOf(params)];
        if (!p) return '';
        return [
          tooltipTitle(`${labels.week} ${f.date(p.weekStart)}`),
          tooltipRow(forecastColors.bandEdge, labels.p90, money(p.p90)),
          tooltipRow(forecastColors.median, labels.p50, money(p.p50)),
          tooltipRow(forecastColors.bandEdge, labels.p10, money(p.p10)),
        ].join('');
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: points.map((p) => f.date(p.weekStart)),
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: axisLabelStyle,
    },
    yAxis: {
      type: 'value',
      min: 0,
      ...(settings.max === undefined ? {} : { max: settings.max }),
      axisLabel: { color: palette.muted, formatter: money },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: fanSeries(points, labels),
  };
}

function fanSeries(points: readonly FanPoint[], labels: FanLabels): LineSeriesOption[] {
  const hidden = { symbol: 'none', lineStyle: { opacity: 0 }, silent: true } as const;
  return [
    { ...hidden, type: 'line', name: 'p10-base', stack: 'band', data: points.map((p) => p.p10) },
    {
      ...hidden,
      type: 'line',
      name: labels.band,
      stack: 'band',
      color: forecastColors.band,
      areaStyle: { color: forecastColors.band },
      data: points.map((p) => Math.max(0, p.p90 - p.p10)),
    },
    {
      type: 'line',
      name: labels.p50,
      color: forecastColors.median,
      lineStyle: { width: 2 },
      symbol: 'circle',
      symbolSize: 5,
      data: points.map((p) => p.p50),
      z: 3,
    },
  ];
}

/** True when any week has money in it. */
export function hasFanData(points: readonly FanPoint[]): boolean {
  return points.some((p) => p.p90 > 0);
}
