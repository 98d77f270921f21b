// The project's progress fan reuses the cash-flow fan option with shares: percent labels, axis to 1.
import { describe, expect, it } from 'vitest';
import { fanOption, type FanPoint } from '../../web/src/lib/charts/fan-option.ts';
import { createFormat } from '../../web/src/lib/format.ts';

const f = createFormat('en-US');
const labels = { p50: 'P50', band: 'P10–P90', p10: 'P10', p90: 'P90', week: 'Week of', aria: 'x' };
const points: FanPoint[] = [
  { weekStart: '2026-11-02', p10: 0.25, p50: 0.5, p90: 0.75 },
  { weekStart: '2026-11-09', p10: 1, p50: 1, p90: 1 },
];

describe('fanOption with shares', () => {
  it('formats the axis and tooltip with the given formatter and caps the axis at max', () => {
    const option = fanOption(points, {
      format: f,
      currency: '',
      formatValue: (v) => f.percentRounded(v),
      max: 1,
      labels,
    });
    const y = option.yAxis as { max?: number; axisLabel: { formatter: (v: number) => string } };
    expect(y.max).toBe(1);
    expect(y.axisLabel.formatter(0.4)).toBe('40%');
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter([{ dataIndex: 0 }]);
    expect(html).toContain('75%');
    expect(html).toContain('25%');
    expect(html).not.toContain('$');
  });

  it('leaves the money axis uncapped by default', () => {
    const option = fanOption(points, { format: f, currency: 'USD', labels });
    const y = option.yAxis as { max?: number; axisLabel: { formatter: (v: number) => string } };
    expect(y.max).toBeUndefined();
    expect(y.axisLabel.formatter(1000)).toContain('$');
  });
});
