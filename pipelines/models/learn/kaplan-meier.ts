// Weighted Kaplan-Meier survival of a duration with right censoring, and the inverse-probability-
// of-censoring weights (IPCW) built from it. Open milestones are censored: "not done after x
// days" is information, and dropping them biases durations short (the slow ones are the ones
// still open). Either model survival directly, or weight completed rows by 1 / P(still observed).
//
// Ties: at equal times events come before censorings (the usual convention), so a row censored
// at t was at risk for the events at t, and an event at t was not at risk of censoring at t.

type Values = ArrayLike<number>;

export interface SurvivalCurve {
  /** Distinct event times, ascending. */
  readonly times: Float64Array;
  /** S(t) = P(T > t) just after each event time. */
  readonly survival: Float64Array;
  /** Weight at risk just before each event time. */
  readonly atRisk: Float64Array;
  /** Event weight at each time. */
  readonly events: Float64Array;
}

interface TimeGroup {
  readonly time: number;
  /** Weight of events (completions) and of censored rows at this time. */
  readonly events: number;
  readonly censored: number;
}

/** Rows grouped by time, ascending; rows with a non-finite time or zero weight are skipped. */
function groupByTime(
  time: Values,
  event: ArrayLike<number | boolean>,
  weights?: Values,
): TimeGroup[] {
  if (event.length !== time.length || (weights && weights.length !== time.length)) {
    throw new RangeError('time, event and weights must have the same length');
  }
  const rows = Array.from({ length: time.length }, (_, i) => i)
    .filter(
      (i) => Number.isFinite(time[i] as number) && (weights ? (weights[i] as number) > 0 : true),
    )
    .sort((a, b) => (time[a] as number) - (time[b] as number));
  const groups: TimeGroup[] = [];
  for (let k = 0; k < rows.length;) {
    const t = time[rows[k] as number] as number;
    let events = 0;
    let censored = 0;
    for (; k < rows.length && time[rows[k] as number] === t; k++) {
      const i = rows[k] as number;
      const w = weights ? (weights[i] as number) : 1;
      if (event[i]) events += w;
      else censored += w;
    }
    groups.push({ time: t, events, censored });
  }
  return groups;
}

/** Kaplan-Meier estimate; `event[i]` is 1 (true) when row i completed, 0 when censored. */
export function kaplanMeier(
  time: Values,
  event: ArrayLike<number | boolean>,
  options: { weights?: Values } = {},
): SurvivalCurve {
  const groups = groupByTime(time, event, options.weights);
  let atRisk = groups.reduce((s, g) => s + g.events + g.censored, 0);
  let s = 1;
  const out = {
    times: [] as number[],
    survival: [] as number[],
    atRisk: [] as number[],
    events: [] as number[],
  };
  for (const g of groups) {
    if (g.events > 0) {
      s *= 1 - g.events / atRisk;
      out.times.push(g.time);
      out.survival.push(s);
      out.atRisk.push(atRisk);
      out.events.push(g.events);
    }
    atRisk -= g.events + g.censored;
  }
  return {
    times: Float64Array.from(out.times),
    survival: Float64Array.from(out.survival),
    atRisk: Float64Array.from(out.atRisk),
    events: Float64Array.from(out.events),
  };
}

/** Index of the last event time <= t, or -1. */
function lastAtOrBefore(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** S(t) = P(T > t). */
export function survivalAt(curve: SurvivalCurve, t: number): number {
  const i = lastAtOrBefore(curve.times, t);
  return i < 0 ? 1 : (curve.survival[i] as number);
}

// Survival products drift by rounding, so "S <= target" allows a hair of slack: otherwise a
// median that lands exactly on 0.5 could be missed.
const SLACK = 1e-12;

/**
 * The p-quantile: the smallest t with S(t) <= 1 - p. null when the curve never gets there
 * (heavy censoring: the quantile lies beyond the follow-up).
 */
export function survivalQuantile(curve: SurvivalCurve, p: number): number | null {
  const target = 1 - p;
  for (let i = 0; i < curve.times.length; i++) {
    if ((curve.survival[i] as number) <= target + SLACK) return curve.times[i] as number;
  }
  return null;
}

/**
 * The p-quantile of T given T > given: the smallest t > given with S(t) <= (1 - p) S(given).
 * For an open milestone that is `given` days old. null when beyond the follow-up.
 */
export function conditionalQuantile(curve: SurvivalCurve, p: number, given: number): number | null {
  const base = survivalAt(curve, given);
  if (base <= 0) return null;
  const target = (1 - p) * base;
  for (let i = lastAtOrBefore(curve.times, given) + 1; i < curve.times.length; i++) {
    if ((curve.survival[i] as number) <= target + SLACK * base) return curve.times[i] as number;
  }
  return null;
}

export interface IpcwOptions {
  readonly weights?: Values;
  /** Cap on a single weight, so a few late completions cannot dominate a fit. Default 20. */
  readonly maxWeight?: number;
}

/**
 * IPCW weights: a completed row at time t gets w / G(t-), where G is the Kaplan-Meier survival
 * of the censoring time (the chance a row was still under observation just before t); censored
 * rows get 0. Weighted completed rows then stand for all rows, assuming censoring does not depend
 * on the outcome (given what the weights condition on: here nothing, so fit per cohort if
 * censoring differs between cohorts).
 */
export function ipcwWeights(
  time: Values,
  event: ArrayLike<number | boolean>,
  options: IpcwOptions = {},
): Float64Array {
  const maxWeight = options.maxWeight ?? 20;
  const groups = groupByTime(time, event, options.weights);
  let atRisk = groups.reduce((s, g) => s + g.events + g.censored, 0);
  let g = 1;
  const before = new Map<number, number>();
  for (const group of groups) {
    before.set(group.time, g);
    // Events at this time leave first, so only later rows and this time's censored are at risk.
    const atRiskOfCensoring = atRisk - group.events;
    if (group.censored > 0 && atRiskOfCensoring > 0) g *= 1 - group.censored / atRiskOfCensoring;
    atRisk -= group.events + group.censored;
  }
  const out = new Float64Array(time.length);
  for (let i = 0; i < time.length; i++) {
    const gi = before.get(time[i] as number);
    if (!event[i] || gi === undefined) continue;
    const w = options.weights ? (options.weights[i] as number) : 1;
    out[i] = Math.min(maxWeight * w, gi > 0 ? w / gi : maxWeight * w);
  }
  return out;
}
