// ECharts option: an interval chart ("forest plot"), one row per estimate, a point at the estimate,
// a horizontal bar for its 95% interval and a dashed line at 0. Values are rate points (0.031 = 3.1
// percentage points); the axis shows percentage points in the locale's format.
import type { ScatterSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Format } from '../format.ts';
import type { ForestRow } from '../policy-forest.ts';
import { axisLabelStyle, chartText, tooltipBase } from './chart-text.ts';
import { escapeHtml } from './escape-html.ts';
import { palette } from './palette.ts';

export type ForestOption = ComposeOption<
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;

export interface ForestSettings {
  /** Axis label of each row, in row order (top to bottom). */
  labels: string[];
  /** Full sentence of each row (tooltip), in row order. */
  sentences: string[];
  axisName: string;
  aria: string;
  f: Format;
}

const colorOf = (row: ForestRow) => (row.metric === 'onTime' ? palette.onTime : palette.dispute);
const points = (x: number) => Math.round(x * 1000) / 10;

type Segment = [
  {
    coord: [number, number];
    lineStyle: { color: string; width: number; type: 'solid' };
  },
  { coord: [number, number] },
];

/** The interval bars: one markLine segment per row with an interval. */
function intervalLines(rows: ForestRow[]): Segment[] {
  return rows.flatMap((row, i) =>
    row.interval
      ? [
          [
            {
              coord: [points(row.interval[0]), i],
              lineStyle: { color: colorOf(row), width: 3, type: 'solid' },
            },
            { coord: [points(row.interval[1]), i] },
          ],
        ]
      : [],
  );
}

/** Axis bounds in points covering every estimate, interval and 0 (the markLines do not extend it). */
export function forestExtent(rows: ForestRow[]): { min: number; max: number } {
  const xs = rows.flatMap((r) => [r.value ?? 0, ...(r.interval ?? [])]).map(points);
  const lo = Math.min(0, ...xs);
  const hi = Math.max(0, ...xs);
  const range = hi - lo;
  const step = range > 20 ? 10 : range > 8 ? 5 : range > 3 ? 2 : 1;
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  return {
    min: min === lo && min < 0 ? min - step : min,
    max: max === hi && max > 0 ? max + step : max,
  };
}

/** Estimates whose interval excludes zero are filled; the others are hollow. */
function estimatePoints(rows: ForestRow[]) {
  return rows.flatMap((row, i) =>
    row.value === null
      ? []
      : [
          {
            value: [points(row.value), i],
            symbol: row.verdict === 'above' || row.verdict === 'below' ? 'circle' : 'emptyCircle',
            itemStyle: { color: colorOf(row), borderWidth: 2 },
          },
        ],
  );
}

export function forestOption(rows: ForestRow[], settings: ForestSettings): ForestOption {
  const { f } = settings;
  return {
    animationDuration: 300,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: settings.aria } },
    grid: { left: 8, right: 16, top: 8, bottom: 40, outerBoundsMode: 'same' },
    tooltip: {
      ...tooltipBase,
      trigger: 'item',
      formatter: (p: unknown) => {
        const value = (p as { value?: unknown }).value;
        const i = Array.isArray(value) ? Number(value[1]) : -1;
        return escapeHtml(settings.sentences[i] ?? '');
      },
    },
    xAxis: {
      type: 'value',
      name: settings.axisName,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: chartText,
      ...forestExtent(rows),
      axisLabel: { ...axisLabelStyle, formatter: (v: number) => f.signed(v) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: settings.labels,
      axisLabel: { ...axisLabelStyle, color: palette.text },
      axisTick: { show: false },
      axisLine: { show: false },
    },
    series: [
      {
        type: 'scatter',
        symbolSize: 11,
        z: 3,
        data: estimatePoints(rows),
        markLine: {
          symbol: 'none',
          silent: true,
          label: { show: false },
          data: [
            { xAxis: 0, lineStyle: { color: palette.text, type: 'dashed', width: 1 } },
            ...intervalLines(rows),
          ],
        },
      },
    ],
  };
}
