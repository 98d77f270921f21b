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
import { labelWidth, spreadOffsets } from './line-labels.ts';
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
const grid = { left: 16, top: 32, bottom: 28 };
const labelFont = 11;
/** Room of the axis labels, names and markLine text inside the outer bounds (measured: the
 * plot of a 360 px chart is about 232 px high; a smaller guess only spreads labels more). */
const axisSpace = 72;

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
  settings: {
    format: Format;
    labels: AgeLabels;
    statusName: (s: string) => string;
    /** Height of the chart in pixels (to keep the percentile labels apart); 360 by default. */
    height?: number;
  },
): AgeOption {
  const { format: f, labels } = settings;
  const top = Math.max(...points.map((p) => p.ratio), ...percentiles.map((p) => p.ratio), 1);
  const yMax = 2 ** Math.ceil(Math.log2(top * 1.05));
  const times = (v: number) => `${f.days(v)}×`;
  const names = percentiles.map((p) => labels.percentile(`P${Math.round(p.level * 100)}`));
  const offsets = labelOffsets(percentiles, yMax, settings.height ?? 360);
  const right = Math.max(24, ...names.map((n) => labelWidth(n, labelFont) + 12));
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: labels.aria } },
    grid: { ...grid, right, outerBoundsMode: 'same' },
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
      max: yMax,
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
              // Right of the plot, where no other line runs; lines close together (the
              // levels often are) get their labels pushed apart.
              label: {
                formatter: names[i]!,
                color,
                position: 'end' as const,
                distance: 6,
                offset: [0, offsets[i]!],
                fontSize: labelFont,
              },
            };
          }),
        },
      },
    ],
  };
}

/** Vertical offsets of the percentile labels on the log axis (from the plot's pixel height). */
function labelOffsets(percentiles: readonly RatioPercentile[], yMax: number, height: number) {
  const plot = height - grid.top - grid.bottom - axisSpace;
  const span = Math.log2(yMax) - Math.log2(RATIO_FLOOR);
  const ys = percentiles.map(
    (p) => plot * (1 - (Math.log2(Math.max(p.ratio, RATIO_FLOOR)) - Math.log2(RATIO_FLOOR)) / span),
  );
  return spreadOffsets(ys, labelFont + 3);
}
