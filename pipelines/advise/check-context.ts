import type { Calendar } from '../calendar/create-calendar.ts';
import { fromDayNumber } from '../calendar/iso-date.ts';
import type { AdviceLang, Plan } from '../schema/advice.ts';
import type { HistoryRow } from './history-rows.ts';
import type { PlanMilestoneForecast } from './plan-forecast.ts';

export interface CheckOptions {
  /** A milestone above this share of the contract value is too large (default 0.3). */
  maxShare: number;
  /** P90 / P10 of the duration ratio above which a type is "highly variable" (default 3). */
  maxSpread: number;
  /** Or a late rate at or above this (default 0.5). */
  maxLateRate: number;
  /** Below this share and this many days, a milestone is trivial (merge candidate). */
  trivialShare: number;
  trivialDays: number;
  /** The confidence due dates are moved to (default 0.8). */
  confidence: number;
  /** The language messages are written in (default en). */
  lang: AdviceLang;
}

export const defaultCheckOptions: CheckOptions = {
  maxShare: 0.3,
  maxSpread: 3,
  maxLateRate: 0.5,
  trivialShare: 0.03,
  trivialDays: 7,
  confidence: 0.8,
  lang: 'en',
};

/** Everything the rules read: the plan, its forecasts, history and the calendar. */
export interface CheckContext {
  plan: Plan;
  forecasts: PlanMilestoneForecast[];
  history: readonly HistoryRow[];
  calendar: Calendar;
  options: CheckOptions;
}

export const iso = fromDayNumber;
export const round = (x: number | null, digits = 3) =>
  x === null || !Number.isFinite(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;
