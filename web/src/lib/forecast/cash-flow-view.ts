// Shapes the cash-flow answer for the page. The engine puts every payment after the horizon into
// the last week (so each run keeps its total); drawn as a week, that bucket would dwarf the others,
// so the charts stop before it and the page reports it on its own.
import type { CashFlowForecast } from '../../../../api/types.ts';
import type { FanPoint } from '../charts/fan-option.ts';

export interface CashFlowView {
  weekly: FanPoint[];
  cumulative: FanPoint[];
  /** The last bucket: payments in its week or later. */
  tail: { weekStart: string; p10: number; p50: number; p90: number } | undefined;
  /** P50 of the running total at the end of the drawn weeks. */
  horizonP50: number;
}

export function cashFlowView(forecast: CashFlowForecast): CashFlowView {
  const weeks = forecast.weeks;
  const drawn = weeks.length > 1 ? weeks.slice(0, -1) : weeks;
  const last = weeks.length > 1 ? weeks[weeks.length - 1] : undefined;
  return {
    weekly: drawn.map((w) => ({ weekStart: w.weekStart, p10: w.p10, p50: w.p50, p90: w.p90 })),
    cumulative: drawn.map((w) => ({
      weekStart: w.weekStart,
      p10: w.cumulativeP10,
      p50: w.cumulativeP50,
      p90: w.cumulativeP90,
    })),
    tail: last && { weekStart: last.weekStart, p10: last.p10, p50: last.p50, p90: last.p90 },
    horizonP50: drawn[drawn.length - 1]?.cumulativeP50 ?? 0,
  };
}

/** The horizons offered (weeks); the API allows 1-104. */
export const horizonChoices = [13, 26, 52] as const;

/** A `weeks` URL value, clamped to a choice (default 26). */
export function readHorizon(value: string | null): number {
  const n = Number(value);
  return (horizonChoices as readonly number[]).includes(n) ? n : 26;
}
