import { describe, expect, it } from 'vitest';
import { barOption, heatmapOption, lineOption } from '../../../notebooks/lib/chart-options.ts';
import { markdownTable, percent } from '../../../notebooks/lib/markdown-table.ts';
import { renderSvg } from '../../../notebooks/lib/svg-chart.ts';

const heat = {
  metric: 'onTimeRate' as const,
  x: { dimension: 'cohortMonth' as const, values: ['2025-01', '2025-02'] },
  y: { dimension: 'partnerKind' as const, values: ['agency', 'livestream'] },
  values: [
    [0.4, 0.5],
    [0.3, null],
  ],
  counts: [
    [100, 100],
    [3, 0],
  ],
};

describe('notebook charts', () => {
  it('leaves heatmap cells with too few counts empty and scales over the shown cells only', () => {
    const o = heatmapOption(heat, { title: 'On time', minCount: 10, percent: true });
    expect(o.series[0]?.data).toEqual([
      [0, 0, 0.4],
      [1, 0, 0.5],
      [0, 1, '-'],
      [1, 1, '-'],
    ]);
    expect([o.visualMap.min, o.visualMap.max]).toEqual([0.4, 0.5]);
    expect(o.visualMap.text).toEqual(['50.0%', '40.0%']);
  });

  it('puts green on low values when lower is better', () => {
    const good = heatmapOption(heat, { title: 't' }).visualMap.inRange.color;
    const bad = heatmapOption(heat, { title: 't', higherIsBetter: false }).visualMap.inRange.color;
    expect(bad).toEqual([...good].reverse());
  });

  it('renders an option to a standalone SVG document with its title and series', () => {
    const svg = renderSvg(
      lineOption(
        [
          {
            name: 'milepost',
            points: [
              [0.1, 0.12],
              [0.9, 0.88],
            ],
          },
        ],
        {
          title: 'Coverage of each quantile',
          diagonal: true,
        },
      ),
      { width: 400, height: 300 },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="400"');
    expect(svg).toContain('Coverage of each quantile');
    expect(svg).toContain('milepost');
    expect(
      renderSvg(barOption(['sip'], [{ name: 'm', values: [0.2] }], { title: 'Bars' })),
    ).toContain('Bars');
  });

  it('writes Markdown tables with pipes escaped and empty cells for null', () => {
    expect(
      markdownTable([
        { a: 'x|y', b: null },
        { a: 1, b: true },
      ]),
    ).toBe('| a | b |\n| --- | --- |\n| x\\|y |  |\n| 1 | true |');
    expect(percent(0.4312)).toBe('43.1%');
    expect(percent(null)).toBe('');
  });
});
