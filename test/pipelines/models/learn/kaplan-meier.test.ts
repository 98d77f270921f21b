import { describe, expect, it } from 'vitest';
import {
  conditionalQuantile,
  ipcwWeights,
  kaplanMeier,
  survivalAt,
  survivalQuantile,
} from '../../../../pipelines/models/learn/kaplan-meier.ts';
import { rngFor } from '../../../../pipelines/random/prng.ts';

// Durations 1, 2, 2+, 3, 4+, 5 (+ = still open). By hand:
//   t=1: 6 at risk, 1 event  -> S = 5/6
//   t=2: 5 at risk, 1 event (the open one at 2 still counts) -> S = 5/6 * 4/5 = 2/3
//   t=3: 3 at risk, 1 event  -> S = 2/3 * 2/3 = 4/9
//   t=5: 1 at risk, 1 event  -> S = 0
const time = [1, 2, 2, 3, 4, 5];
const event = [1, 1, 0, 1, 0, 1];

describe('kaplanMeier', () => {
  const km = kaplanMeier(time, event);

  it('matches the hand-computed curve', () => {
    expect([...km.times]).toEqual([1, 2, 3, 5]);
    expect([...km.atRisk]).toEqual([6, 5, 3, 1]);
    const expected = [5 / 6, 2 / 3, 4 / 9, 0];
    km.survival.forEach((s, i) => expect(s).toBeCloseTo(expected[i]!, 12));
    expect(survivalAt(km, 0.5)).toBe(1);
    expect(survivalAt(km, 2.5)).toBeCloseTo(2 / 3, 12);
    expect(survivalAt(km, 4.9)).toBeCloseTo(4 / 9, 12);
  });

  it('gives quantiles, conditional quantiles and null beyond the follow-up', () => {
    expect(survivalQuantile(km, 0.5)).toBe(3); // S(2) = 0.67 > 0.5, S(3) = 0.44
    expect(survivalQuantile(km, 1 / 3)).toBe(2); // S(2) = 2/3 exactly
    // Open at age 2 (S = 2/3): median of the rest where S <= 1/3, i.e. t = 5.
    expect(conditionalQuantile(km, 0.5, 2)).toBe(5);
    expect(conditionalQuantile(km, 0.3, 2)).toBe(3);
    const open = kaplanMeier([1, 2, 3], [1, 0, 0]);
    expect(survivalQuantile(open, 0.5)).toBeNull();
  });

  it('treats a weight like repeated rows', () => {
    const weighted = kaplanMeier([1, 2, 3], [1, 0, 1], { weights: [2, 1, 3] });
    const repeated = kaplanMeier([1, 1, 2, 3, 3, 3], [1, 1, 0, 1, 1, 1]);
    expect(weighted.survival).toEqual(repeated.survival);
  });

  it('equals the empirical survival without censoring', () => {
    const km2 = kaplanMeier([3, 1, 2, 2], [1, 1, 1, 1]);
    expect([...km2.survival]).toEqual([0.75, 0.25, 0]);
  });
});

describe('ipcwWeights', () => {
  it('weights completions by 1 / P(still observed) and zeroes the open ones', () => {
    const w = ipcwWeights(time, event);
    // Censoring survival just before each completion: t=1 -> 1; t=2 -> 1 (the row open at 2 is
    // censored after the completion at 2); t=3 -> 3/4 (1 of the 4 still observed after that
    // completion was censored at 2); t=5 -> 3/4 * 1/2 (1 of 2 censored at 4).
    expect([...w]).toEqual([1, 1, 0, 4 / 3, 0, 8 / 3]);
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(6, 12); // weights restore the row count
  });

  it('makes the weighted mean of completed durations match Kaplan-Meier', () => {
    const rng = rngFor(91, 0);
    const n = 5000;
    const t = new Float64Array(n);
    const e = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const duration = Math.ceil(rng.uniform(0, 1) ** 2 * 60);
      const followUp = Math.ceil(rng.uniform(10, 80));
      t[i] = Math.min(duration, followUp);
      e[i] = duration <= followUp ? 1 : 0;
    }
    // Keep the longest row completed so the curve reaches 0 and both means are defined.
    e[t.indexOf(Math.max(...t))] = 1;
    const km = kaplanMeier(t, e);
    let kmMean = 0;
    let prevT = 0;
    let prevS = 1;
    km.times.forEach((time, i) => {
      kmMean += prevS * (time - prevT);
      prevT = time;
      prevS = km.survival[i]!;
    });
    const w = ipcwWeights(t, e, { maxWeight: Number.POSITIVE_INFINITY });
    const weighted = t.reduce((s, v, i) => s + w[i]! * v, 0) / n;
    expect(weighted).toBeCloseTo(kmMean, 6);
    const naive = t.reduce((s, v, i) => s + (e[i] ? v : 0), 0) / e.reduce((s, v) => s + v, 0);
    expect(naive).toBeLessThan(kmMean - 1); // dropping open rows biases durations short
  });
});
