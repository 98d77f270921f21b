import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../pipelines/calendar/iso-date.ts';
import {
  deliveryDay,
  deliveryQuantileDays,
  milestoneForecast,
  probabilityByDay,
} from '../../../pipelines/forecast/milestone-dates.ts';
import {
  quantileDistribution,
  sampleRatio,
} from '../../../pipelines/forecast/quantile-distribution.ts';
import { Rng } from '../../../pipelines/random/prng.ts';

const START = toDayNumber('2025-03-03');
const d = quantileDistribution([0.1, 0.5, 0.8, 0.9, 0.95], [-0.1, 0.05, 0.25, 0.4, 0.55]);

describe('milestone dates', () => {
  it('rounds a delivery up to whole days without float noise', () => {
    expect(deliveryDay(START, 10, Math.exp(Math.log(1.5)))).toBe(START + 15);
    expect(deliveryDay(START, 10, 1.51)).toBe(START + 16);
    expect(deliveryDay(START, 7, 1)).toBe(START + 7);
  });

  it('gives P(on or before a day) that matches sampled deliveries', () => {
    const timing = { startDay: START, plannedDays: 20 };
    const rng = new Rng(3);
    const days = Array.from({ length: 50_000 }, () =>
      deliveryDay(START, 20, sampleRatio(d, rng.next())),
    );
    for (const due of [START + 18, START + 20, START + 24, START + 30]) {
      const share = days.filter((x) => x <= due).length / days.length;
      expect(probabilityByDay(d, timing, due)).toBeCloseTo(share, 2);
    }
    expect(probabilityByDay(d, timing, START - 1)).toBe(0);
  });

  it('reports P10/P50/P80/P90 as ISO dates and P(on time) against the due day', () => {
    const f = milestoneForecast(d, { startDay: START, plannedDays: 20 }, { asOf: START - 5 });
    const days = deliveryQuantileDays(
      d,
      { startDay: START, plannedDays: 20 },
      [0.1, 0.5, 0.8, 0.9],
    );
    expect(f.quantiles.map((q) => q.day)).toEqual(days);
    expect(f.quantiles[1]).toMatchObject({ level: 0.5, date: '2025-03-25' }); // 20 x e^0.05 = 21.03
    expect(f.pOnTime).toBeCloseTo(
      probabilityByDay(d, { startDay: START, plannedDays: 20 }, START + 20),
      12,
    );
    const later = milestoneForecast(
      d,
      { startDay: START, plannedDays: 20, dueDay: START + 25 },
      { asOf: START },
    );
    expect(later.pOnTime).toBeGreaterThan(f.pOnTime);
  });

  it('cannot start a milestone before asOf', () => {
    const asOf = START + 10;
    const f = milestoneForecast(d, { startDay: START, plannedDays: 20 }, { asOf });
    expect(f.quantiles[0]!.day).toBeGreaterThanOrEqual(asOf + 17);
  });

  it('conditions an in-flight milestone on its age', () => {
    const asOf = START + 26; // ratio 1.3 reached without delivery
    const timing = { startDay: START, plannedDays: 20, started: true };
    const f = milestoneForecast(d, timing, { asOf });
    for (const q of f.quantiles) expect(q.day).toBeGreaterThanOrEqual(asOf);
    expect(f.pOnTime).toBe(0); // due day is already past
    const fresh = milestoneForecast(d, { ...timing, started: false }, { asOf: START });
    expect(f.quantiles[1]!.day).toBeGreaterThan(fresh.quantiles[1]!.day);
  });
});
