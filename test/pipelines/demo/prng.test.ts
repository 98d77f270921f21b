import { describe, expect, it } from 'vitest';
import { Rng, rngFor } from '../../../pipelines/random/prng.ts';

describe('seeded PRNG', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('gives independent streams per entity key', () => {
    expect(rngFor(42, 10, 1).next()).not.toBe(rngFor(42, 10, 2).next());
    expect(rngFor(42, 10, 1).next()).toBe(rngFor(42, 10, 1).next());
  });

  it('draws uniforms, normals and Poisson counts with the right moments', () => {
    const rng = new Rng(1);
    const n = 50_000;
    let u = 0;
    let z = 0;
    let z2 = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      u += rng.next();
      const x = rng.normal();
      z += x;
      z2 += x * x;
      k += rng.poisson(1.5);
    }
    expect(u / n).toBeCloseTo(0.5, 2);
    expect(z / n).toBeCloseTo(0, 1);
    expect(z2 / n).toBeCloseTo(1, 1);
    expect(k / n).toBeCloseTo(1.5, 1);
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const rng = new Rng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(2, 5));
    expect([...seen].sort()).toEqual([2, 3, 4, 5]);
  });
});
