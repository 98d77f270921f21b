import { describe, expect, it } from 'vitest';
import { resolveDemoOptions } from '../../../pipelines/demo/demo-options.ts';

describe('demo options', () => {
  it('defaults to the documented size and scales brands and partners with its square root', () => {
    const d = resolveDemoOptions();
    expect([d.seed, d.asOf, d.horizon, d.milestones, d.brands, d.partners]).toEqual([
      42,
      '2026-10-31',
      '2026-10-31',
      25_000,
      40,
      150,
    ]);
    expect(d.projects).toBe(Math.round(25_000 / 8.3));
    expect(d.effect).toEqual({ onTimeRelative: 0.38, disputeRelative: -0.22 });
    const big = resolveDemoOptions({ milestones: 10_000_000 });
    expect([big.brands, big.partners]).toEqual([800, 3000]);
  });

  it('rejects dates that do not exist, a horizon before asOf and fractional seeds', () => {
    expect(() => resolveDemoOptions({ asOf: '2026-02-30' })).toThrow(RangeError);
    expect(() => resolveDemoOptions({ asOf: '2021-06-30' })).toThrow(/2022-07-01/);
    expect(() => resolveDemoOptions({ horizon: '2026-01-01' })).toThrow(/before asOf/);
    expect(() => resolveDemoOptions({ seed: 1.5 })).toThrow(/seed/);
    expect(() => resolveDemoOptions({ milestones: 0 })).toThrow(/milestones/);
  });
});
