import { describe, expect, it } from 'vitest';
import { applyAtomSnap, fitAtomSnap } from '../../../../pipelines/models/learn/atom-snap.ts';
import { pinballLoss } from '../../../../pipelines/models/learn/metrics.ts';

describe('atom snapping of quantile forecasts', () => {
  it('snaps medians near a point mass onto it when that lowers the calibration loss', () => {
    // Half the outcomes are exactly 0, the rest spread; the raw medians sit just off 0.
    const y = Float64Array.from({ length: 400 }, (_, i) => (i % 2 ? 0 : ((i % 7) - 3) / 3));
    const q = Float64Array.from({ length: 400 }, (_, i) => (i % 3 ? 0.04 : -0.03));
    const snap = fitAtomSnap(y, q, 0.5);
    expect(snap.band).toBeGreaterThan(0.04);
    const snapped = applyAtomSnap(snap, q);
    expect(snapped.every((v) => v === 0)).toBe(true);
    expect(pinballLoss(y, snapped, 0.5)).toBeLessThan(pinballLoss(y, q, 0.5));
  });

  it('keeps forecasts when no outcome sits on the atom', () => {
    const y = Float64Array.from({ length: 200 }, (_, i) => 0.05 + i / 100);
    const q = Float64Array.from({ length: 200 }, (_, i) => 0.02 + i / 100);
    const snap = fitAtomSnap(y, q, 0.5);
    expect(snap.band).toBe(0);
    expect(Array.from(applyAtomSnap(snap, q))).toEqual(Array.from(q));
  });
});
