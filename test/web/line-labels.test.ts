import { describe, expect, it } from 'vitest';
import { ageOption } from '../../web/src/lib/charts/age-option.ts';
import { labelWidth, spreadOffsets } from '../../web/src/lib/charts/line-labels.ts';
import { createFormat } from '../../web/src/lib/format.ts';

describe('spreadOffsets', () => {
  it('leaves labels that are far enough apart where they are', () => {
    expect(spreadOffsets([10, 40, 90], 14)).toEqual([0, 0, 0]);
  });

  it('pushes close labels apart around where they were meant to be, keeping the order', () => {
    const ys = [100, 96, 104];
    const placed = spreadOffsets(ys, 14).map((d, i) => ys[i]! + d);
    const sorted = [...placed].sort((a, b) => a - b);
    expect(sorted[1]! - sorted[0]!).toBeGreaterThanOrEqual(14);
    expect(sorted[2]! - sorted[1]!).toBeGreaterThanOrEqual(14);
    expect(placed[1]).toBeLessThan(placed[0]!);
    expect(placed[0]).toBeLessThan(placed[2]!);
    expect((placed[0]! + placed[1]! + placed[2]!) / 3).toBeCloseTo(100, 5);
  });

  it('keeps the gap when a re-centred run meets the label above it', () => {
    const ys = [0, 14, 15, 16];
    const placed = spreadOffsets(ys, 14).map((d, i) => ys[i]! + d);
    for (let i = 1; i < placed.length; i++)
      expect(placed[i]! - placed[i - 1]!).toBeGreaterThanOrEqual(14 - 1e-9);
  });
});

describe('labelWidth', () => {
  it('counts CJK characters as a full em', () => {
    expect(labelWidth('历史 P90', 10)).toBe(20 + 6 * 4);
    expect(labelWidth('Historical P90', 10)).toBe(Math.ceil(14 * 6));
  });
});

describe('age chart percentile labels', () => {
  const option = (ratios: number[], percentile = (p: string) => `Historical ${p}`) =>
    ageOption(
      [
        {
          milestoneId: 'M1',
          name: 'x',
          status: 'in_progress',
          ageDays: 5,
          plannedDays: 5,
          ratio: 1,
        },
      ],
      ratios.map((ratio, i) => ({ level: [0.5, 0.8, 0.9][i]!, ratio })),
      {
        format: createFormat('en-US'),
        statusName: (s) => s,
        labels: { ageAxis: 'Age', ratioAxis: '×', ratio: 'r', percentile, aria: 'a' },
      },
    );
  type Line = { label: { position: string; offset: [number, number] } };
  const lines = (o: ReturnType<typeof ageOption>) =>
    (o.series as { markLine: { data: Line[] } }[])[0]!.markLine.data;

  it('sits every label right of the plot, where no other line crosses it', () => {
    const o = option([1.3, 1.8, 2.3]);
    expect(lines(o).map((l) => l.label.position)).toEqual(['end', 'end', 'end']);
    expect((o.grid as { right: number }).right).toBeGreaterThanOrEqual(
      labelWidth('Historical P90', 11),
    );
  });

  it('pushes the labels of nearly equal percentiles apart by at least a line of text', () => {
    const o = option([1.0, 1.02, 1.04]);
    const dy = lines(o).map((l) => l.label.offset[1]);
    // Higher ratios are higher on screen: P90's label above P80's above P50's.
    expect(dy[0]! - dy[1]!).toBeGreaterThanOrEqual(11);
    expect(dy[1]! - dy[2]!).toBeGreaterThanOrEqual(11);
  });
});
