// ECharts option: one backtest score per split, a bar per model (the model beside its baselines).
import type { BarSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ScoreGrid } from '../forecast/model-scores.ts';
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

export type ScoresOption = ComposeOption<
  | BarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

export interface ScoresSettings {
  locale: string;
  modelName: (model: string) => string;
  aria: string;
}

/** Scores are ratios, losses or days: three significant digits read well for all of them. */
export function scoreFormat(locale: string, missing = '—'): (value: number | null) => string {
  const n = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  return (value) => (value === null || Number.isNaN(value) ? missing : n.format(value));
}

export function modelColor(model: string): string {
  return forecastColors.models[model] ?? forecastColors.other;
}

export function scoresOption(grid: ScoreGrid, settings: ScoresSettings): ScoresOption {
  const { modelName } = settings;
  const score = scoreFormat(settings.locale);
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: settings.aria } },
    legend: { top: 0, left: 0, itemGap: 16, textStyle: chartText },
    grid: { left: 8, right: 8, top: 40, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const i = dataIndexOf(params);
        const split = grid.splits[i];
        if (split === undefined) return '';
        const rows = grid.models.map((m) =>
          tooltipRow(modelColor(m), modelName(m), score(grid.values[m]?.[i] ?? null)),
        );
        return tooltipTitle(split) + rows.join('');
      },
    },
    xAxis: {
      type: 'category',
      data: grid.splits,
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: axisLabelStyle,
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: palette.muted, formatter: (v: number) => score(v) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: grid.models.map((m) => ({
      type: 'bar' as const,
      name: modelName(m),
      color: modelColor(m),
      barMaxWidth: 28,
      data: grid.values[m] ?? [],
    })),
  };
}
