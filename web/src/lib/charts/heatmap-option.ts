// ECharts option for the cohort heatmap: one metric over rows x columns, the count behind each cell
// in the tooltip, blank cells where no milestone falls. Pure: no DOM, no echarts runtime.
import type { HeatmapSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { escapeHtml } from './escape-html.ts';
import { palette } from './palette.ts';

export type HeatmapChartOption = ComposeOption<
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
  | AriaComponentOption
>;

export interface HeatmapInput {
  xLabels: readonly string[];
  yLabels: readonly string[];
  /** values[i][j]: row i, column j; null = no data. */
  values: readonly (readonly (number | null)[])[];
  counts: readonly (readonly number[])[];
}

export interface HeatmapSettings {
  /** A value as text (percent, days, money…). */
  formatValue: (value: number | null) => string;
  formatCount: (count: number) => string;
  tooltip: (value: string, count: string) => string;
  ariaLabel: string;
  /** Write the value in each cell (only when the cells are wide enough to hold it). */
  cellLabels?: boolean;
}

const text = { color: palette.text, fontFamily: palette.fontFamily };

/** [column, row, value] triples of the cells that have a value. */
export function heatmapCells(values: HeatmapInput['values']): [number, number, number][] {
  const cells: [number, number, number][] = [];
  values.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value !== null && Number.isFinite(value)) cells.push([j, i, value]);
    }),
  );
  return cells;
}

/** Drops leading and trailing columns without any value (e.g. future quarters with nothing done). */
export function trimEmptyColumns<
  T extends { x: { values: string[] }; values: (number | null)[][]; counts: number[][] },
>(heatmap: T): T {
  const filled = heatmap.x.values.map((_, j) => heatmap.values.some((row) => row[j] != null));
  const first = filled.indexOf(true);
  if (first < 0) return heatmap;
  const end = filled.lastIndexOf(true) + 1;
  return {
    ...heatmap,
    x: { ...heatmap.x, values: heatmap.x.values.slice(first, end) },
    values: heatmap.values.map((row) => row.slice(first, end)),
    counts: heatmap.counts.map((row) => row.slice(first, end)),
  };
}

/** Smallest and largest value (equal bounds are widened so the colour scale stays defined). */
export function valueRange(cells: readonly [number, number, number][]): [number, number] {
  if (cells.length === 0) return [0, 1];
  const values = cells.map((c) => c[2]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? [min - 1, max + 1] : [min, max];
}

export function heatmapOption(input: HeatmapInput, s: HeatmapSettings): HeatmapChartOption {
  const cells = heatmapCells(input.values);
  const [min, max] = valueRange(cells);
  const labels = s.cellLabels ?? (input.xLabels.length <= 12 && input.yLabels.length <= 16);
  return {
    animation: false,
    textStyle: { fontFamily: palette.fontFamily },
    aria: { enabled: true, label: { description: s.ariaLabel } },
    grid: { left: 8, right: 8, top: 8, bottom: 56, outerBoundsMode: 'same' },
    tooltip: heatmapTooltip(input, s),
    ...heatmapAxes(input),
    visualMap: {
      type: 'continuous',
      min,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      text: [s.formatValue(max), s.formatValue(min)],
      textStyle: text,
      inRange: { color: ['#eef2fb', '#93b0ea', '#1d4ed8', '#172b6b'] },
    },
    series: [
      {
        type: 'heatmap',
        data: cells,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        label: {
          show: labels,
          formatter: (p: unknown) => s.formatValue((p as { data: number[] }).data[2] ?? null),
          fontSize: 11,
        },
        emphasis: { itemStyle: { borderColor: palette.text, borderWidth: 1 } },
      },
    ],
  };
}

/** Row and column names with the value and the count behind it (escaped: names come from data). */
function heatmapTooltip(input: HeatmapInput, s: HeatmapSettings): TooltipComponentOption {
  return {
    backgroundColor: palette.tooltipBackground,
    borderColor: palette.grid,
    textStyle: { ...text, fontSize: 13 },
    formatter: (params: unknown) => {
      const [x, y, value] = (params as { data: [number, number, number] }).data;
      const count = input.counts[y]?.[x] ?? 0;
      const where = `${escapeHtml(input.yLabels[y] ?? '')} · ${escapeHtml(input.xLabels[x] ?? '')}`;
      return `${where}<br/>${escapeHtml(s.tooltip(s.formatValue(value), s.formatCount(count)))}`;
    },
  };
}

function heatmapAxes(input: HeatmapInput): Pick<HeatmapChartOption, 'xAxis' | 'yAxis'> {
  return {
    xAxis: {
      type: 'category',
      data: [...input.xLabels],
      splitArea: { show: false },
      axisLabel: { ...text, hideOverlap: true },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'category',
      data: [...input.yLabels],
      inverse: true,
      axisLabel: { ...text, width: 140, overflow: 'truncate' },
      axisTick: { show: false },
    },
  };
}
