// Empirical distributions of simulated days. Days are integers in a narrow range, so a counting
// pass replaces a sort (10,000 runs x 12 milestones would otherwise spend more time sorting
// than simulating); a sort remains for the rare sample spread over a very wide range.

export interface DayDistribution {
  /** Distinct days, ascending. */
  days: Int32Array;
  /** Runs on or before days[i]. */
  cumulative: Int32Array;
  runs: number;
}

function fromCounts(min: number, counts: Int32Array, runs: number): DayDistribution {
  let distinct = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) distinct++;
  const days = new Int32Array(distinct);
  const cumulative = new Int32Array(distinct);
  let j = 0;
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0) continue;
    sum += counts[i]!;
    days[j] = min + i;
    cumulative[j++] = sum;
  }
  return { days, cumulative, runs };
}

function fromSorted(sorted: Int32Array): DayDistribution {
  const days: number[] = [];
  const cumulative: number[] = [];
  sorted.forEach((day, i) => {
    if (days[days.length - 1] === day) cumulative[cumulative.length - 1] = i + 1;
    else {
      days.push(day);
      cumulative.push(i + 1);
    }
  });
  return {
    days: Int32Array.from(days),
    cumulative: Int32Array.from(cumulative),
    runs: sorted.length,
  };
}

export function dayDistribution(samples: Int32Array): DayDistribution {
  if (samples.length === 0) throw new RangeError('no samples');
  let min = samples[0]!;
  let max = min;
  for (let i = 1; i < samples.length; i++) {
    const v = samples[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (max - min > Math.max(4 * samples.length, 65_536)) return fromSorted(samples.slice().sort());
  const counts = new Int32Array(max - min + 1);
  for (let i = 0; i < samples.length; i++) counts[samples[i]! - min]!++;
  return fromCounts(min, counts, samples.length);
}

/** The smallest day reached by at least a share q of runs (inverse empirical CDF). */
export function dayQuantile(d: DayDistribution, q: number): number {
  const rank = Math.max(1, Math.ceil(q * d.runs - 1e-9));
  let lo = 0;
  let hi = d.days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d.cumulative[mid]! >= rank) hi = mid;
    else lo = mid + 1;
  }
  return d.days[lo]!;
}

/** Share of runs on or before `day`. */
export function shareOnOrBefore(d: DayDistribution, day: number): number {
  let lo = 0;
  let hi = d.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d.days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : d.cumulative[lo - 1]! / d.runs;
}

/** Quantiles and P(on or before a day) of one sample, without building its distribution. */
export interface DaySummary {
  quantiles: number[];
  shareByDay: number;
}

/**
 * dayQuantile at each of `levels` (ascending) and shareOnOrBefore(`day`) of `samples`, with the
 * same results as building dayDistribution first, but counting into `scratch` (reused across
 * calls, left zeroed) instead of allocating: a portfolio summarises 12,000 samples of 10,000 runs.
 */
export function summariseDays(
  samples: Int32Array,
  levels: readonly number[],
  day: number,
  scratch: Int32Array,
): DaySummary {
  const runs = samples.length;
  let min = samples[0]!;
  let max = min;
  for (let i = 1; i < runs; i++) {
    const v = samples[i]!;
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (max - min >= scratch.length) {
    const d = dayDistribution(samples);
    return { quantiles: levels.map((q) => dayQuantile(d, q)), shareByDay: shareOnOrBefore(d, day) };
  }
  for (let i = 0; i < runs; i++) scratch[samples[i]! - min]!++;
  const quantiles: number[] = [];
  const ranks = levels.map((q) => Math.max(1, Math.ceil(q * runs - 1e-9)));
  let onOrBefore = 0;
  for (let i = 0, cum = 0; i <= max - min; i++) {
    cum += scratch[i]!;
    scratch[i] = 0;
    while (quantiles.length < ranks.length && cum >= ranks[quantiles.length]!)
      quantiles.push(min + i);
    if (min + i <= day) onOrBefore = cum;
  }
  return { quantiles, shareByDay: onOrBefore / runs };
}
