import { describe, expect, it } from 'vitest';
import {
  heatmapCells,
  heatmapOption,
  trimEmptyColumns,
  valueRange,
} from '../../web/src/lib/charts/heatmap-option.ts';

const input = {
  xLabels: ['Q1', 'Q2', 'Q3'],
  yLabels: ['Agency', 'Studio'],
  values: [
    [0.5, null, 0.25],
    [null, 0.75, null],
  ],
  counts: [
    [10, 0, 4],
    [0, 8, 0],
  ],
};
const settings = {
  formatValue: (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`),
  formatCount: (n: number) => String(n),
  tooltip: (value: string, count: string) => `${value} (n = ${count})`,
  ariaLabel: 'Heatmap',
};

describe('heatmap option', () => {
  it('plots only cells with a value, as [column, row, value]', () => {
    expect(heatmapCells(input.values)).toEqual([
      [0, 0, 0.5],
      [2, 0, 0.25],
      [1, 1, 0.75],
    ]);
  });

  it('scales colours from the smallest to the largest value, widening a single value', () => {
    expect(valueRange(heatmapCells(input.values))).toEqual([0.25, 0.75]);
    expect(valueRange([[0, 0, 3]])).toEqual([2, 4]);
    expect(valueRange([])).toEqual([0, 1]);
  });

  it('shows the count behind a cell in its tooltip, escaped', () => {
    const option = heatmapOption({ ...input, yLabels: ['<b>Agency</b>', 'Studio'] }, settings);
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    const text = tooltip.formatter({ data: [2, 0, 0.25] });
    expect(text).toContain('&lt;b&gt;Agency&lt;/b&gt; · Q3');
    expect(text).toContain('25% (n = 4)');
  });

  it('trims leading and trailing columns with no value at all', () => {
    const heatmap = {
      x: { values: ['a', 'b', 'c', 'd'] },
      values: [
        [null, 1, null, null],
        [null, null, 2, null],
      ],
      counts: [
        [0, 5, 0, 0],
        [0, 0, 6, 0],
      ],
    };
    const trimmed = trimEmptyColumns(heatmap);
    expect(trimmed.x.values).toEqual(['b', 'c']);
    expect(trimmed.counts).toEqual([
      [5, 0],
      [0, 6],
    ]);
  });
});
