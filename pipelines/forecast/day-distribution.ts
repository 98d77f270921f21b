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
