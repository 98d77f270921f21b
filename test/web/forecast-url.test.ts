import { describe, expect, it } from 'vitest';
import { deliveryOption, deliveryPoints } from '../../web/src/lib/charts/delivery-option.ts';
import { isoToDay } from '../../web/src/lib/charts/iso-day.ts';
import {
  readForecastState,
  whatIfOf,
  withForecastState,
} from '../../web/src/lib/forecast/forecast-url.ts';
import { patchParams } from '../../web/src/lib/forecast/patch-params.ts';
import { reasonText } from '../../web/src/lib/forecast/reason-text.ts';
import { createFormat } from '../../web/src/lib/format.ts';
import { en } from '../../web/src/lib/i18n/en.ts';

const f = createFormat('en-US');
const q = (s: string) => new URLSearchParams(s);

describe('forecast URL state', () => {
  it('reads known keys, rejects malformed what-if dates and clamps the page size', () => {
    const state = readForecastState(
      q('brand=B1&project=J1&milestone=M1&due=2026-13&to=P2&risk=dispute&limit=500'),
    );
    expect(state).toEqual({
      brand: 'B1',
      project: 'J1',
      milestone: 'M1',
      to: 'P2',
      risk: 'dispute',
      limit: 20,
    });
    expect(readForecastState(q('limit=60&risk=other'))).toMatchObject({ limit: 60, risk: 'late' });
  });

  it('closing a milestone drops its what-if; leaving a project closes its milestone', () => {
    const open = q('project=J1&milestone=M1&due=2026-12-01&to=P2&brand=B1');
    const closed = withForecastState(open, { milestone: undefined });
    expect(closed.toString()).toBe('project=J1&brand=B1');
    expect(withForecastState(open, { project: undefined }).get('milestone')).toBeNull();
    expect(withForecastState(q('limit=40'), { brand: 'B2' }).toString()).toBe('brand=B2');
  });

  it('turns the what-if into API parameters', () => {
    expect(whatIfOf(readForecastState(q('due=2026-12-01')))).toEqual({ dueDate: '2026-12-01' });
    expect(whatIfOf(readForecastState(q('to=P9')))).toEqual({ partner: 'P9' });
    expect(patchParams(q('a=1&b=2'), { a: undefined, c: 3, b: ' ' }).toString()).toBe('c=3');
  });
});

describe('reasonText', () => {
  const words = { ...en.forecasts.reasons, values: en.filters.milestoneTypes };
  it('names the factor, formats its value and says which way it pushes', () => {
    expect(reasonText({ feature: 'partner_late_rate', value: 0.7938, effect: 0.4 }, f, words)).toBe(
      'Partner’s late rate (79.4%) raises',
    );
    expect(
      reasonText({ feature: 'partner_log_ratio', value: Math.log(1.6), effect: 0.4 }, f, words),
    ).toBe('Partner’s usual overrun (1.6×) raises');
    expect(
      reasonText({ feature: 'milestone_type', value: 'kol_seeding', effect: -0.2 }, f, words),
    ).toBe('Milestone type (KOL seeding) lowers');
    expect(reasonText({ feature: 'new_feature', value: null, effect: 1 }, f, words)).toBe(
      'new feature raises',
    );
  });

  it('reads the in-flight state: time elapsed as a share of the plan, rounds as a count', () => {
    expect(reasonText({ feature: 'age_ratio', value: 1.25, effect: 0.8 }, f, words)).toBe(
      'Time elapsed vs plan (125.0%) raises',
    );
    expect(reasonText({ feature: 'revision_rounds', value: 3, effect: 0.6 }, f, words)).toBe(
      'Revision rounds so far (3) raises',
    );
  });

  it("states an overdue milestone's lateness as the fact it is", () => {
    expect(reasonText({ feature: 'days_past_due', value: 5, effect: 3 }, f, words)).toBe(
      'Already 5 days past its due date',
    );
  });
});

describe('deliveryOption', () => {
  const delivery = {
    p10: '2026-11-03',
    p50: '2026-11-20',
    p80: '2026-12-10',
    p90: '2026-12-20',
    p95: '2027-01-05',
  };
  it('plots each quantile at its level and the due date, with room for both', () => {
    expect(deliveryPoints(delivery).map(([, l]) => l)).toEqual([0.1, 0.5, 0.8, 0.9, 0.95]);
    const option = deliveryOption(
      { delivery, dueDate: '2027-02-01' },
      { format: f, labels: { due: 'Due date', share: 'Date', aria: 'x' } },
    );
    const [line] = option.series as { data: number[][]; markLine: { data: { xAxis: number }[] } }[];
    expect(line!.data[1]).toEqual([isoToDay('2026-11-20'), 0.5]);
    expect(line!.markLine.data[0]!.xAxis).toBe(isoToDay('2027-02-01'));
    expect((option.xAxis as { max: number }).max).toBeGreaterThan(isoToDay('2027-02-01'));
  });
});
