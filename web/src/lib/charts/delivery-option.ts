// ECharts option: one milestone's delivery-date forecast as cumulative probability at its quantile
// dates (P10 ... P95), with the due date (or the what-if due date) dashed.
import { dayAxis, shareAxis } from './axes.ts';
import type { LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { MilestoneForecast } from '../../../../api/types.ts';
import type { Format } from '../format.ts';
import { tooltipBase, tooltipRow, tooltipTitle } from './chart-text.ts';
import { forecastColors } from './forecast-colors.ts';
import { isoToDay } from './iso-day.ts';
import { palette } from './palette.ts';

export type DeliveryOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;

export const deliveryLevels = [
  ['p10', 0.1],
  ['p50', 0.5],
  ['p80', 0.8],
  ['p90', 0.9],
  ['p95', 0.95],
] as const;

/** [date, level] points of the forecast, in level order. */
export function deliveryPoints(delivery: MilestoneForecast['delivery']): [string, number][] {
  return deliveryLevels.map(([key, level]) => [delivery[key], level]);
}

export function deliveryOption(
  forecast: Pick<MilestoneForecast, 'delivery' | 'dueDate'>,
  settings: { format: Format; labels: { due: string; share: string; aria: string } },
): DeliveryOption {
  const { format: f, labels } = settings;
  const points = deliveryPoints(forecast.delivery);
  const days = [...points.map(([d]) => isoToDay(d)), isoToDay(forecast.dueDate)];
  const lo = Math.min(...days) - 3;
  const hi = Math.max(...days) + 3;
  return {
    animationDuration: 200,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: labels.aria } },
    grid: { left: 8, right: 16, top: 24, bottom: 8, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (params: unknown) => {
        const point = points[(params as { dataIndex?: number }).dataIndex ?? -1];
        if (!point) return '';
        const [date, level] = point;
        return (
          tooltipTitle(`P${Math.round(level * 100)}`) +
          tooltipRow(forecastColors.median, labels.share, f.date(date))
        );
      },
    },
    xAxis: { ...dayAxis(lo, hi, f), splitNumber: 4, splitLine: { show: false } },
    yAxis: shareAxis(f, 0.25),
    series: [
      {
        type: 'line',
        name: labels.share,
        color: forecastColors.median,
        symbol: 'circle',
        symbolSize: 8,
        areaStyle: { color: forecastColors.band },
        data: points.map(([d, level]) => [isoToDay(d), level]),
        label: {
          show: true,
          position: 'left',
          fontSize: 11,
          color: palette.muted,
          formatter: (p: { dataIndex: number }) =>
            `P${Math.round((points[p.dataIndex]?.[1] ?? 0) * 100)}`,
        },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            {
              xAxis: isoToDay(forecast.dueDate),
              lineStyle: { color: forecastColors.deadline, type: 'dashed', width: 2 },
              label: { formatter: labels.due, color: forecastColors.deadline, fontSize: 12 },
            },
          ],
        },
      },
    ],
  };
}
