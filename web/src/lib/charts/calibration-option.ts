// ECharts option: calibration curves, observed share against the nominal level per model, with the
// diagonal (perfect calibration) dashed.
import type { LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Format } from '../format.ts';
import type { CalibrationCurve } from '../forecast/model-scores.ts';
import { axisLabelStyle, chartText, tooltipBase, tooltipRow, tooltipTitle } from './chart-text.ts';
import { modelColor } from './scores-option.ts';
import { palette } from './palette.ts';

export type CalibrationOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

export interface CalibrationLabels {
  nominal: string;
  observed: string;
  ideal: string;
  aria: string;
}

export function calibrationOption(
  curves: readonly CalibrationCurve[],
  settings: { format: Format; labels: CalibrationLabels; modelName: (m: string) => string },
): CalibrationOption {
  const { format: f, labels, modelName } = settings;
  const percentAxis = (name: string) => ({
    type: 'value' as const,
    min: 0,
    max: 1,
    interval: 0.2,
    name,
    nameLocation: 'middle' as const,
    nameGap: 28,
    nameTextStyle: { color: palette.muted },
    axisLabel: { ...axisLabelStyle, formatter: (v: number) => f.percentRounded(v) },
    splitLine: { lineStyle: { color: palette.grid } },
  });
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: labels.aria } },
    legend: { top: 0, left: 0, itemGap: 16, textStyle: chartText },
    grid: { left: 16, right: 16, top: 40, bottom: 28, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { seriesIndex?: number; dataIndex?: number };
        const curve = curves[(p.seriesIndex ?? 0) - 1];
        const point = curve?.points[p.dataIndex ?? -1];
        if (!curve || !point) return '';
        return [
          tooltipTitle(modelName(curve.model)),
          tooltipRow(modelColor(curve.model), labels.nominal, f.percent(point.nominal)),
          tooltipRow(modelColor(curve.model), labels.observed, f.percent(point.observed)),
          `<div>n = ${f.integer(point.n)}</div>`,
        ].join('');
      },
    },
    xAxis: percentAxis(labels.nominal),
    yAxis: percentAxis(labels.observed),
    series: [
      {
        type: 'line',
        name: labels.ideal,
        color: palette.muted,
        symbol: 'none',
        silent: true,
        lineStyle: { type: 'dashed', width: 1 },
        data: [
          [0, 0],
          [1, 1],
        ],
      },
      ...curves.map((c): LineSeriesOption => ({
        type: 'line',
        name: modelName(c.model),
        color: modelColor(c.model),
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2 },
        data: c.points.map((p) => [p.nominal, p.observed]),
      })),
    ],
  };
}
