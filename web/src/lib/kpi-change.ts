// Change of the overview's KPIs against the previous period. With a period in the filters, the
// previous period is as long and ends the month before it starts; without one, the last three
// cohort months up to the data's as-of date are compared with the three before. Pure.
import type { KpiSummary } from '../../../api/types.ts';
import type { Filters } from './filters.ts';
import type { Format } from './format.ts';
import type { KpiTile } from './kpi-tiles.ts';

export interface Period {
  from: string;
  to: string;
}
export interface Comparison {
  current: Period;
  previous: Period;
  /** 'filter': the filter's own period; 'recent': the last three months (tiles show all months). */
  basis: 'filter' | 'recent';
}

/** "2025-03" + n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const monthsFrom = (a: string, b: string) =>
  (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 +
  Number(b.slice(5, 7)) -
  Number(a.slice(5, 7));

export function comparisonPeriods(filters: Filters, asOf: string | null): Comparison | undefined {
  if (filters.from && filters.to) {
    const length = monthsFrom(filters.from, filters.to) + 1;
    const previous = { from: addMonths(filters.from, -length), to: addMonths(filters.from, -1) };
    return { current: { from: filters.from, to: filters.to }, previous, basis: 'filter' };
  }
  const end = filters.to ?? asOf?.slice(0, 7);
  if (!end) return undefined;
  const current = { from: addMonths(end, -2), to: end };
  return {
    current,
    previous: { from: addMonths(end, -5), to: addMonths(end, -3) },
    basis: 'recent',
  };
}

export interface TileChange {
  /** "+1.2 pts", "-3 d" */
  delta: string;
  direction: 'up' | 'down' | 'flat';
  /** Whether the move is good news: more on time, fewer disputes, shorter slips and lags. */
  tone: 'good' | 'bad' | 'neutral';
  /** What was compared, with the previous value and its counts. */
  detail: string;
}

export interface ChangeWords {
  points: (delta: string) => string;
  days: (delta: string) => string;
  versus: (previous: string, period: string) => string;
  ofCount: (n: string, d: string) => string;
}

type Measure = {
  now: number | null;
  before: number | null;
  rate: boolean;
  count?: [number, number];
};

function measures(c: KpiSummary, p: KpiSummary): Partial<Record<KpiTile['id'], Measure>> {
  const rate = (now: KpiSummary['onTimeRate'], before: KpiSummary['onTimeRate']): Measure => ({
    now: now.value,
    before: before.value,
    rate: true,
    count: [before.numerator, before.denominator],
  });
  const days = (now: number | null, before: number | null): Measure => ({
    now,
    before,
    rate: false,
  });
  return {
    onTimeRate: rate(c.onTimeRate, p.onTimeRate),
    disputeRate: rate(c.disputeRate, p.disputeRate),
    valueDisputeRate: { ...rate(c.valueDisputeRate, p.valueDisputeRate), count: undefined },
    medianSlip: days(c.slipDays.median, p.slipDays.median),
    p80Slip: days(c.slipDays.p80, p.slipDays.p80),
    paymentLag: days(c.paymentLagDays.median, p.paymentLagDays.median),
  };
}

/** Each tile's change from `previous` to `current`; tiles with a missing value get none. */
export function tileChanges(
  current: KpiSummary,
  previous: KpiSummary,
  period: string,
  f: Format,
  words: ChangeWords,
): Partial<Record<KpiTile['id'], TileChange>> {
  const result: Partial<Record<KpiTile['id'], TileChange>> = {};
  for (const [id, m] of Object.entries(measures(current, previous)) as [KpiTile['id'], Measure][]) {
    if (m.now === null || m.before === null) continue;
    const diff = m.now - m.before;
    const shown = m.rate ? Math.round(diff * 1000) / 10 : Math.round(diff * 10) / 10;
    const direction = shown > 0 ? 'up' : shown < 0 ? 'down' : 'flat';
    const higherIsBetter = id === 'onTimeRate';
    const tone =
      direction === 'flat' ? 'neutral' : (direction === 'up') === higherIsBetter ? 'good' : 'bad';
    const before = m.rate ? f.percent(m.before) : words.days(f.days(m.before));
    const counts = m.count
      ? ` (${words.ofCount(f.integer(m.count[0]), f.integer(m.count[1]))})`
      : '';
    result[id] = {
      delta: m.rate ? words.points(f.signedPoints(diff)) : words.days(f.signed(shown)),
      direction,
      tone,
      detail: words.versus(`${before}${counts}`, period),
    };
  }
  return result;
}
