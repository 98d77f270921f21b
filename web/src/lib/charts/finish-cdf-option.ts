// ECharts option for a project's finish-date distribution: the share of simulated runs finished by
// each date (a CDF), with P50/P80/P95 and the deadline marked.
import { dayAxis, shareAxis } from './axes.ts';
import type { LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ProjectForecast } from '../../../../api/types.ts';
import type { Format } from '../format.ts';
import { dataIndexOf, tooltipBase, tooltipRow, tooltipTitle } from './chart-text.ts';
import { forecastColors } from './forecast-colors.ts';
import { isoToDay } from './iso-day.ts';
import { palette } from './palette.ts';

export type FinishCdfOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;

export interface FinishCdfLabels {
  share: string;
  deadline: string;
  aria: string;
}

export function finishCdfOption(
  forecast: Pick<ProjectForecast, 'finishCdf' | 'finish' | 'deadline'>,
  settings: { format: Format; labels: FinishCdfLabels },
): FinishCdfOption {
  const { format: f, labels } = settings;
  const points = forecast.finishCdf;
  const marker = (name: string, date: string, color: string, type: 'solid' | 'dashed') => ({
    name,
    xAxis: isoToDay(date),
    lineStyle: { color, type, width: type === 'dashed' ? 2 : 1 },
    label: { formatter: name, color, position: 'insideEndTop' as const, fontSize: 12 },
  });
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: labels.aria } },
    grid: { left: 8, right: 24, top: 28, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const p = points[dataIndexOf(params)];
        return p
          ? tooltipTitle(f.date(p.date)) +
              tooltipRow(forecastColors.median, labels.share, f.percent(p.p))
          : '';
      },
    },
    xAxis: {
      ...dayAxis(
        Math.min(isoToDay(points[0]?.date ?? forecast.deadline), isoToDay(forecast.deadline)),
        Math.max(isoToDay(points.at(-1)?.date ?? forecast.deadline), isoToDay(forecast.deadline)),
        f,
      ),
      splitLine: { show: false },
    },
    yAxis: shareAxis(f, 0.2),
    series: [
      {
        type: 'line',
        name: labels.share,
        color: forecastColors.median,
        symbol: 'none',
        lineStyle: { width: 2 },
        areaStyle: { color: forecastColors.band },
        data: points.map((p) => [isoToDay(p.date), p.p]),
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            marker('P50', forecast.finish.p50, forecastColors.median, 'solid'),
            marker('P80', forecast.finish.p80, forecastColors.p80, 'solid'),
            marker('P95', forecast.finish.p95, forecastColors.p95, 'solid'),
            marker(labels.deadline, forecast.deadline, forecastColors.deadline, 'dashed'),
          ],
        },
      },
    ],
  };
}
