// Weekly share of a project's milestones delivered, P10/P50/P90 over the same Monte Carlo runs
// that give its finish dates. A run has at least j milestones delivered by week w when its j-th
// earliest finish falls in week w or before, so one pass over the runs (sorting each run's few
// finish weeks) counts, per j, the runs whose j-th finish falls in each week; the weeks then read
// their quantiles off running sums. Cash flow's bucketWeekly (a weeks x runs matrix, then a sort
// per week) measured about a third of the simulation's own time at 12 milestones x 10,000 runs.
import { fromDayNumber } from '../calendar/iso-date.ts';
import type { DayDistribution } from './day-distribution.ts';
import { dayQuantile } from './day-distribution.ts';
import type { WeekBand } from './week-buckets.ts';
import { mondayOf, weeksSpanned } from './week-buckets.ts';

/** [(j - 1) * weeks + w]: runs whose j-th earliest finish falls in week w (clamped to the span). */
function orderStatisticWeeks(finish: Int32Array, runs: number, monday: number, weeks: number) {
  const milestones = finish.length / runs;
  const counts = new Int32Array(milestones * weeks);
  const own = new Int32Array(milestones);
  for (let r = 0; r < runs; r++) {
    for (let m = 0; m < milestones; m++) {
      const w = Math.floor((finish[m * runs + r]! - monday) / 7);
      const v = w < 0 ? 0 : w >= weeks ? weeks - 1 : w;
      let i = m; // insertion sort: a run's finishes mostly come in dependency order already
      for (; i > 0 && own[i - 1]! > v; i--) own[i] = own[i - 1]!;
      own[i] = v;
    }
    for (let j = 0; j < milestones; j++) counts[j * weeks + own[j]!]!++;
  }
  return counts;
}

/**
 * From the week of `asOf` (finishes before it count in that week) until the first week in which
 * even P10 has every milestone delivered, at most `maxWeeks` (the last week then also holds the
 * later finishes). `milestoneFinish` is [m * runs + r], as ProjectForecast.samples.
 */
export function progressFan(
  milestoneFinish: Int32Array,
  runs: number,
  asOf: number,
  maxWeeks = 104,
): WeekBand[] {
  const milestones = Math.floor(milestoneFinish.length / runs);
  if (milestones === 0 || runs === 0) return [];
  const monday = mondayOf(asOf);
  const weeks = weeksSpanned([{ amount: 1, days: milestoneFinish }], asOf, maxWeeks);
  const byWeek = orderStatisticWeeks(milestoneFinish, runs, monday, weeks);
  const reached = new Int32Array(milestones); // runs with at least j + 1 delivered so far
  // Delivered counts 0..milestones as a distribution over the runs, read by dayQuantile.
  const done: DayDistribution = {
    days: Int32Array.from({ length: milestones + 1 }, (_, k) => k),
    cumulative: new Int32Array(milestones + 1).fill(runs),
    runs,
  };
  const bands: WeekBand[] = [];
  for (let w = 0; w < weeks; w++) {
    for (let j = 0; j < milestones; j++) {
      reached[j]! += byWeek[j * weeks + w]!;
      done.cumulative[j] = runs - reached[j]!; // runs with at most j delivered
    }
    const [p10, p50, p90] = [0.1, 0.5, 0.9].map((q) => dayQuantile(done, q) / milestones);
    bands.push({ weekStart: fromDayNumber(monday + 7 * w), p10: p10!, p50: p50!, p90: p90! });
    if (p10 === 1) break;
  }
  return bands;
}
