// ECharts option: expected bonus and expected penalty per milestone (bars side by side).
import type { BarSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Format } from '../format.ts';
import { axisLabelStyle, chartText, tooltipBase } from './chart-text.ts';
import { forecastColors } from './forecast-colors.ts';
import { palette } from './palette.ts';

export type IncentiveOption = ComposeOption<
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

export interface IncentiveRow {
  milestoneId: string;
  expectedBonus: number;
  expectedPenalty: number;
}

export function incentiveOption(
  rows: readonly IncentiveRow[],
  settings: {
    format: Format;
    currency: string;
    labels: { bonus: string; penalty: string; aria: string };
  },
): IncentiveOption {
  const { format: f, currency, labels } = settings;
  const money = (v: number) => f.money(v, currency);
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: labels.aria } },
    legend: { top: 0, left: 0, itemGap: 16, textStyle: chartText },
    grid: { left: 8, right: 8, top: 40, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? money(v) : ''),
    },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.milestoneId),
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: { ...axisLabelStyle, rotate: rows.length > 8 ? 30 : 0 },
    },
    yAxis: {
      type: 'value',
      min: 0,
      axisLabel: { color: palette.muted, formatter: money },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: [
      {
        type: 'bar',
        name: labels.bonus,
        color: '#15803d',
        barMaxWidth: 18,
        data: rows.map((r) => r.expectedBonus),
      },
      {
        type: 'bar',
        name: labels.penalty,
        color: forecastColors.deadline,
        barMaxWidth: 18,
        data: rows.map((r) => r.expectedPenalty),
      },
    ],
  };
}
