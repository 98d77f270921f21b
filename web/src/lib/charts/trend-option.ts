// ECharts option for the overview trend: on-time rate and dispute rate by cohort month (the month of the
// baseline due date), with the completed volume as faint bars. Pure: no DOM, no echarts runtime.
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { KpiTrendPoint } from '../../../../api/types.ts';
import type { Format } from '../format.ts';
import type { Messages } from '../i18n/en.ts';
import { dataIndexOf } from './chart-text.ts';
import { escapeHtml } from './escape-html.ts';
import { palette } from './palette.ts';

export type TrendChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

export interface TrendOptionSettings {
  format: Format;
  messages: Messages['trend'];
  /** Months with fewer milestones behind a rate are not plotted (1 of 1 would read as 100%). */
  minCount?: number;
}

/** The smallest denominator a plotted monthly rate needs by default. */
export const MIN_RATE_COUNT = 10;

/** The rate when enough milestones stand behind it, else null (a gap in the line). */
export function plottedRate(rate: number | null, count: number, minCount: number): number | null {
  return count >= minCount ? rate : null;
}

export function trendOption(
  months: readonly KpiTrendPoint[],
  settings: TrendOptionSettings,
): TrendChartOption {
  const { format: f, messages: t } = settings;
  const minCount = settings.minCount ?? MIN_RATE_COUNT;
  const labels = months.map((m) => f.month(m.month));
  const text = { color: palette.text, fontFamily: palette.fontFamily };
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: trendAriaLabel(months, settings) } },
    legend: { top: 0, left: 0, itemGap: 20, textStyle: text },
    grid: { left: 8, right: 8, top: 40, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      trigger: 'axis',
      backgroundColor: palette.tooltipBackground,
      borderColor: palette.grid,
      textStyle: { ...text, fontSize: 13 },
      formatter: (params: unknown) => {
        const point = months[dataIndexOf(params)];
        return point ? trendTooltip(point, settings) : '';
      },
    },
    xAxis: {
      type: 'category',
      data: labels,
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: { color: palette.muted, hideOverlap: true },
    },
    yAxis: [
      {
        type: 'value',
        min: 0,
        max: 1,
        interval: 0.25,
        axisLabel: { color: palette.muted, formatter: (v: number) => f.percentRounded(v) },
        splitLine: { lineStyle: { color: palette.grid } },
      },
      {
        type: 'value',
        min: 0,
        axisLabel: { color: palette.muted, formatter: (v: number) => f.integer(v) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'bar',
        name: t.completed,
        yAxisIndex: 1,
        data: months.map((m) => m.completed),
        itemStyle: { color: palette.volume },
        barMaxWidth: 28,
        z: 1,
      },
      rateLine(
        t.onTimeRate,
        months.map((m) => plottedRate(m.onTimeRate, m.completed, minCount)),
        palette.onTime,
        'solid',
      ),
      rateLine(
        t.disputeRate,
        months.map((m) => plottedRate(m.disputeRate, m.submitted, minCount)),
        palette.dispute,
        'dashed',
      ),
    ],
  };
}

function rateLine(
  name: string,
  data: (number | null)[],
  color: string,
  type: 'solid' | 'dashed',
): LineSeriesOption {
  return {
    type: 'line',
    name,
    yAxisIndex: 0,
    data,
    color,
    lineStyle: { width: 2, type },
    symbol: 'circle',
    symbolSize: 6,
    connectNulls: false,
    z: 3,
  };
}

/** Tooltip body for one month: both rates with the counts they come from. */
export function trendTooltip(
  point: KpiTrendPoint,
  { format: f, messages: t }: TrendOptionSettings,
): string {
  const row = (color: string, label: string, value: string, counts: string) =>
    `<div style="display:flex;gap:8px;align-items:baseline">` +
    `<span style="display:inline-block;width:10px;height:10px;border-radius:50%;background:${color}"></span>` +
    `<span>${escapeHtml(label)}: <strong>${escapeHtml(value)}</strong></span>` +
    `<span style="color:${palette.muted}">${escapeHtml(counts)}</span></div>`;
  return [
    `<div style="font-weight:600;margin-bottom:4px">${escapeHtml(f.month(point.month))}</div>`,
    row(
      palette.onTime,
      t.onTimeRate,
      f.percent(point.onTimeRate),
      t.onTimeTooltip(f.integer(point.onTime), f.integer(point.completed)),
    ),
    row(
      palette.dispute,
      t.disputeRate,
      f.percent(point.disputeRate),
      t.disputeTooltip(f.integer(point.disputed), f.integer(point.submitted)),
    ),
  ].join('');
}

export function trendAriaLabel(
  months: readonly KpiTrendPoint[],
  { format: f, messages: t }: TrendOptionSettings,
): string {
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return t.empty;
  return t.ariaSummary(f.month(first.month), f.month(last.month), months.length);
}

/**
 * Drops the months before the first and after the last one with any completed or submitted milestone
 * (cohorts far in the future hold only open work). Empty months in between stay: a gap is information.
 */
export function trimEmptyMonths(months: readonly KpiTrendPoint[]): KpiTrendPoint[] {
  const active = (m: KpiTrendPoint) => m.completed > 0 || m.submitted > 0;
  const first = months.findIndex(active);
  if (first === -1) return [];
  const last = months.findLastIndex(active);
  return months.slice(first, last + 1);
}

/** True when there is something to draw: at least one month with a completed or submitted milestone. */
export function hasTrendData(months: readonly KpiTrendPoint[]): boolean {
  return months.some((m) => m.completed > 0 || m.submitted > 0);
}
