// ECharts option: the payment-split trade-off. Each frontier split is a point (brand exposure P90
// across, partner working-capital gap P90 up), joined by rising exposure; the current split and the
// recommended one stand out.
import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Format } from '../format.ts';
import { axisLabelStyle, chartText, tooltipBase, tooltipRow, tooltipTitle } from './chart-text.ts';
import { forecastColors } from './forecast-colors.ts';
import { palette } from './palette.ts';

export type ParetoOption = ComposeOption<
  | LineSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

export interface SplitPoint {
  depositPct: number;
  retentionPct: number;
  exposureP90: number;
  gapP90: number;
}

export interface ParetoLabels {
  exposure: string;
  gap: string;
  frontier: string;
  current: string;
  recommended: string;
  deposit: string;
  retention: string;
  aria: string;
}

export function paretoOption(
  answer: {
    frontier: SplitPoint[];
    current: SplitPoint;
    recommended: SplitPoint;
    currency: string;
  },
  settings: { format: Format; labels: ParetoLabels },
): ParetoOption {
  const { format: f, labels } = settings;
  const money = (v: number) => f.money(v, answer.currency);
  const groups = [answer.frontier, [answer.current], [answer.recommended]];
  const tooltip = (p: SplitPoint, name: string) =>
    [
      tooltipTitle(name),
      tooltipRow(forecastColors.median, labels.exposure, money(p.exposureP90)),
      tooltipRow(forecastColors.deadline, labels.gap, money(p.gapP90)),
      `<div>${labels.deposit} ${f.integer(p.depositPct)}% · ${labels.retention} ${f.integer(p.retentionPct)}%</div>`,
    ].join('');
  const axis = (name: string) => ({
    type: 'value' as const,
    name,
    nameLocation: 'middle' as const,
    nameGap: 30,
    nameTextStyle: { color: palette.muted },
    scale: true,
    axisLabel: { ...axisLabelStyle, formatter: money },
    splitLine: { lineStyle: { color: palette.grid } },
  });
  const xy = (p: SplitPoint) => [p.exposureP90, p.gapP90];
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: labels.aria } },
    legend: { top: 0, left: 0, itemGap: 16, textStyle: chartText },
    grid: { left: 24, right: 24, top: 40, bottom: 36, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { seriesIndex?: number; dataIndex?: number; seriesName?: string };
        const point = groups[p.seriesIndex ?? -1]?.[p.dataIndex ?? -1];
        return point ? tooltip(point, p.seriesName ?? '') : '';
      },
    },
    xAxis: axis(labels.exposure),
    yAxis: { ...axis(labels.gap), nameGap: 56 },
    series: [
      {
        type: 'line',
        name: labels.frontier,
        color: forecastColors.median,
        symbol: 'circle',
        symbolSize: 8,
        data: answer.frontier.map(xy),
      },
      {
        type: 'scatter',
        name: labels.current,
        color: forecastColors.baseline,
        symbol: 'rect',
        symbolSize: 14,
        data: [xy(answer.current)],
        z: 4,
      },
      {
        type: 'scatter',
        name: labels.recommended,
        color: forecastColors.deadline,
        symbol: 'diamond',
        symbolSize: 20,
        data: [xy(answer.recommended)],
        z: 5,
      },
    ],
  };
}
