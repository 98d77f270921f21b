// Pure ECharts option builders for the notebooks' charts; renderSvg (svg-chart.ts) draws them.
import type { CohortHeatmap } from '../../pipelines/schema/cohorts.ts';

export const colours = ['#1d4ed8', '#c2410c', '#15803d', '#7c3aed', '#64748b', '#b45309'];
const font = { fontFamily: 'Liberation Sans, Arial, sans-serif', fontSize: 11 };

export interface HeatmapOptions {
  title: string;
  /** Cells with fewer counts than this stay empty: a rate of 2 milestones is noise. */
  minCount?: number;
  /** Values shown as percentages (rates) rather than as they are (days). */
  percent?: boolean;
  /** Green for high values (on-time rate) or, when false, for low ones (slip, disputes). */
  higherIsBetter?: boolean;
}

const scale = ['#b91c1c', '#fde68a', '#15803d'];

/** A heatmap of one metric: x values across, y values down, empty cells for small counts. */
export function heatmapOption(h: Omit<CohortHeatmap, 'asOf'>, o: HeatmapOptions) {
  const min = o.minCount ?? 1;
  const data: [number, number, number | '-'][] = [];
  h.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const n = h.counts[i]?.[j] ?? 0;
      data.push([j, i, v === null || n < min ? '-' : v]);
    }),
  );
  const shown = data.map((d) => d[2]).filter((v): v is number => v !== '-');
  const lo = shown.length ? Math.min(...shown) : 0;
  const hi = shown.length ? Math.max(...shown) : 1;
  const label = (v: number) => (o.percent ? `${(v * 100).toFixed(1)}%` : String(v));
  return {
    title: { text: o.title, left: 'center', textStyle: { ...font, fontSize: 14 } },
    grid: { left: 130, right: 30, top: 40, bottom: 125 },
    xAxis: {
      type: 'category',
      data: h.x.values,
      axisLabel: { ...font, rotate: 60 },
      name: h.x.dimension,
      nameLocation: 'middle',
      nameGap: 62,
      nameTextStyle: font,
    },
    yAxis: { type: 'category', data: h.y.values, axisLabel: font },
    visualMap: {
      min: lo,
      max: hi,
      text: [label(hi), label(lo)],
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemHeight: 160,
      inRange: { color: o.higherIsBetter === false ? [...scale].reverse() : scale },
      textStyle: font,
    },
    series: [{ type: 'heatmap', data, label: { show: false } }],
  };
}

export interface Series {
  name: string;
  points: readonly (readonly [number | string, number | null])[];
  dashed?: boolean;
}

export interface LineOptions {
  title: string;
  xName?: string;
  yName?: string;
  /** 'value' for numeric x (event time, nominal level), 'category' for labels (months). */
  xType?: 'value' | 'category';
  /** A vertical marker, e.g. the switch date at event time 0. */
  markX?: number;
  /** Adds the y = x diagonal (a calibration plot's perfect line) over [0, 1]. */
  diagonal?: boolean;
  yMin?: number;
  yMax?: number;
}

/** Lines with points, one per series; a dashed diagonal or a vertical marker when asked. */
export function lineOption(series: readonly Series[], o: LineOptions) {
  const all = series.map((s, k) => ({
    name: s.name,
    type: 'line',
    data: s.points.map((p) => [p[0], p[1]]),
    connectNulls: false,
    symbolSize: 5,
    lineStyle: { color: colours[k % colours.length], type: s.dashed ? 'dashed' : 'solid' },
    itemStyle: { color: colours[k % colours.length] },
    ...(k === 0 && o.markX !== undefined
      ? {
          markLine: {
            symbol: 'none',
            silent: true,
            label: { show: false },
            lineStyle: { color: '#334155', type: 'dotted' },
            data: [{ xAxis: o.markX }],
          },
        }
      : {}),
  }));
  if (o.diagonal) {
    all.push({
      name: 'perfect',
      type: 'line',
      data: [
        [0, 0],
        [1, 1],
      ],
      connectNulls: false,
      symbolSize: 0,
      lineStyle: { color: '#94a3b8', type: 'dashed' },
      itemStyle: { color: '#94a3b8' },
    });
  }
  return {
    title: { text: o.title, left: 'center', textStyle: { ...font, fontSize: 14 } },
    legend: { bottom: 0, textStyle: font },
    grid: { left: 60, right: 30, top: 45, bottom: 70 },
    xAxis: {
      type: o.xType ?? 'value',
      name: o.xName,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: font,
      axisLabel: font,
      ...(o.diagonal ? { min: 0, max: 1 } : { scale: true }),
    },
    yAxis: {
      type: 'value',
      name: o.yName,
      nameLocation: 'middle',
      nameGap: 42,
      nameTextStyle: font,
      axisLabel: font,
      ...(o.diagonal ? { min: 0, max: 1 } : {}),
      ...(o.yMin !== undefined ? { min: o.yMin } : {}),
      ...(o.yMax !== undefined ? { max: o.yMax } : {}),
    },
    series: all,
  };
}

/** Grouped bars: one group per category, one bar per series. */
export function barOption(
  categories: readonly string[],
  series: readonly { name: string; values: readonly (number | null)[] }[],
  o: { title: string; yName?: string },
) {
  return {
    title: { text: o.title, left: 'center', textStyle: { ...font, fontSize: 14 } },
    legend: { bottom: 0, textStyle: font },
    grid: { left: 60, right: 30, top: 45, bottom: 80 },
    xAxis: { type: 'category', data: categories, axisLabel: { ...font, rotate: 20 } },
    yAxis: { type: 'value', name: o.yName, axisLabel: font },
    series: series.map((s, k) => ({
      name: s.name,
      type: 'bar',
      data: [...s.values],
      itemStyle: { color: colours[k % colours.length] },
    })),
  };
}
