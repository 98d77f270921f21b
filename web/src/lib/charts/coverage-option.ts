// ECharts option: coverage of earlier forecast snapshots over time (share delivered by their P50,
// P80 and P90 dates), with the nominal levels as dashed lines.
import { shareAxis } from './axes.ts';
import type { LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ModelQuality } from '../../../../api/types.ts';
import type { Format } from '../format.ts';
import { axisLabelStyle, chartText, tooltipBase } from './chart-text.ts';
import { forecastColors } from './forecast-colors.ts';
import { palette } from './palette.ts';

export type CoverageOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;

type Snapshot = ModelQuality['ledger'][number];

const levels = [
  { key: 'coverageP50', level: 0.5, name: 'P50' },
  { key: 'coverageP80', level: 0.8, name: 'P80' },
  { key: 'coverageP90', level: 0.9, name: 'P90' },
] as const;

export function coverageOption(
  snapshots: readonly Snapshot[],
  settings: { format: Format; coverage: (p: string) => string; aria: string },
): CoverageOption {
  const { format: f } = settings;
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: settings.aria } },
    legend: { top: 0, left: 0, itemGap: 16, textStyle: chartText },
    grid: { left: 8, right: 40, top: 40, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? f.percent(v) : f.percent(null)),
    },
    xAxis: {
      type: 'category',
      data: snapshots.map((s) => f.date(s.asOf.slice(0, 10))),
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: axisLabelStyle,
    },
    yAxis: shareAxis(f, 0.2),
    series: levels.map(({ key, level, name }, i) => {
      const color = forecastColors.quantiles[i] ?? forecastColors.median;
      return {
        type: 'line' as const,
        name: settings.coverage(name),
        color,
        symbol: 'circle',
        symbolSize: 7,
        data: snapshots.map((s) => s[key]),
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            {
              yAxis: level,
              lineStyle: { color, type: 'dashed' as const },
              label: { formatter: name, color, position: 'end' as const },
            },
          ],
        },
      };
    }),
  };
}
