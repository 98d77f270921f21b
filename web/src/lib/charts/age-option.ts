// ECharts option: open milestones by age (days since start) and elapsed ÷ planned duration, against
// horizontal lines at the historical P50/P80/P90 of delivered ÷ planned.
import type { ScatterSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Format } from '../format.ts';
import type { AgePoint, RatioPercentile } from '../forecast/milestone-age.ts';
import { axisLabelStyle, tooltipBase, tooltipRow, tooltipTitle } from './chart-text.ts';
import { forecastColors } from './forecast-colors.ts';
import { palette } from './palette.ts';

export type AgeOption = ComposeOption<
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;

/** Ratios below this (work started days ago) are drawn on the axis floor of the log scale. */
export const RATIO_FLOOR = 0.125;
const labelPositions = ['insideEndBottom', 'insideStartTop', 'insideEndTop'] as const;

export interface AgeLabels {
  ageAxis: string;
  ratioAxis: string;
  ratio: string;
  percentile: (p: string) => string;
  aria: string;
}

export function ageOption(
  points: readonly AgePoint[],
  percentiles: readonly RatioPercentile[],
  settings: { format: Format; labels: AgeLabels; statusName: (s: string) => string },
): AgeOption {
  const { format: f, labels } = settings;
  const top = Math.max(...points.map((p) => p.ratio), ...percentiles.map((p) => p.ratio), 1);
  const times = (v: number) => `${f.days(v)}×`;
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: labels.aria } },
    grid: { left: 16, right: 24, top: 32, bottom: 28, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = points[(params as { dataIndex?: number }).dataIndex ?? -1];
        if (!p) return '';
        return [
          tooltipTitle(`${p.milestoneId} · ${p.name}`),
          tooltipRow(forecastColors.median, labels.ageAxis, f.integer(p.ageDays)),
          tooltipRow(forecastColors.median, labels.ratio, times(p.ratio)),
          `<div>${settings.statusName(p.status)}</div>`,
        ].join('');
      },
    },
    xAxis: {
      type: 'value',
      name: labels.ageAxis,
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { color: palette.muted },
      min: 0,
      axisLabel: { ...axisLabelStyle, formatter: (v: number) => f.integer(v) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    // Ratios spread over orders of magnitude (a week-long task a month late is 5×): a log scale
    // keeps the percentile lines near 1× apart from one another and from the outliers.
    yAxis: {
      type: 'log',
      logBase: 2,
      name: labels.ratioAxis,
      nameTextStyle: { color: palette.muted, align: 'left' },
      min: RATIO_FLOOR,
      max: 2 ** Math.ceil(Math.log2(top * 1.05)),
      axisLabel: {
        color: palette.muted,
        // Powers of two: 1/8×, 1/4×, 1/2×, 1×, 2×, …
        formatter: (v: number) => (v < 1 ? `1/${f.integer(1 / v)}×` : times(v)),
      },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: [
      {
        type: 'scatter',
        name: labels.ratio,
        symbolSize: 7,
        itemStyle: { color: forecastColors.median, opacity: 0.6 },
        data: points.map((p) => [p.ageDays, Math.max(RATIO_FLOOR, p.ratio)]),
        markLine: {
          symbol: 'none',
          silent: true,
          data: percentiles.map((p, i) => {
            const color = forecastColors.quantiles[i % forecastColors.quantiles.length];
            return {
              yAxis: p.ratio,
              lineStyle: { color, type: 'dashed' as const, width: 2 },
              // Staggered along the line: the three levels sit close together.
              label: {
                formatter: labels.percentile(`P${Math.round(p.level * 100)}`),
                color,
                position: labelPositions[i % labelPositions.length],
                fontSize: 11,
              },
            };
          }),
        },
      },
    ],
  };
}
