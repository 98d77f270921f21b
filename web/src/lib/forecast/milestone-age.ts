// Open milestones by age against how long past milestones took, both as multiples of the plan:
// elapsed ÷ planned for work in flight, delivered ÷ planned for delivered work (domain.md's
// duration ratio). Pure: the as-of date is passed in.
import type { MilestoneRow } from '../../../../api/types.ts';
import { daysBetween } from '../charts/iso-day.ts';

export interface AgePoint {
  milestoneId: string;
  name: string;
  status: string;
  ageDays: number;
  plannedDays: number;
  /** Elapsed ÷ planned duration. */
  ratio: number;
}

export interface RatioPercentile {
  /** 0.5, 0.8, 0.9 */
  level: number;
  ratio: number;
}

const plannedDays = (m: MilestoneRow) =>
  m.plannedStart ? Math.max(1, daysBetween(m.plannedStart, m.baselineDue)) : Number.NaN;

/** Open milestones that have started by `asOf` (planned ones are not yet in flight). */
export function openAges(rows: readonly MilestoneRow[], asOf: string): AgePoint[] {
  const out: AgePoint[] = [];
  for (const m of rows) {
    if (!m.plannedStart || m.approvedDate || m.status === 'planned') continue;
    const ageDays = daysBetween(m.plannedStart, asOf);
    const planned = plannedDays(m);
    if (!(ageDays >= 0) || !Number.isFinite(planned)) continue;
    out.push({
      milestoneId: m.milestoneId,
      name: m.name,
      status: m.status,
      ageDays,
      plannedDays: planned,
      ratio: ageDays / planned,
    });
  }
  return out;
}

/** Delivered ÷ planned duration of delivered milestones with a planned start. */
export function deliveredRatios(rows: readonly MilestoneRow[]): number[] {
  const out: number[] = [];
  for (const m of rows) {
    if (!m.plannedStart || !m.approvedDate) continue;
    const ratio = daysBetween(m.plannedStart, m.approvedDate) / plannedDays(m);
    if (Number.isFinite(ratio) && ratio >= 0) out.push(ratio);
  }
  return out;
}

/** Empirical quantiles (type 7, as in simple-statistics) of the ratios at the given levels. */
export function ratioPercentiles(
  ratios: readonly number[],
  levels: readonly number[] = [0.5, 0.8, 0.9],
): RatioPercentile[] {
  if (ratios.length === 0) return [];
  const sorted = [...ratios].sort((a, b) => a - b);
  return levels.map((level) => {
    const h = (sorted.length - 1) * level;
    const lo = Math.floor(h);
    const a = sorted[lo] ?? 0;
    const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
    return { level, ratio: a + (h - lo) * (b - a) };
  });
}

/** How many open milestones have already run longer than the historical ratio at `level`. */
export function beyondPercentile(
  points: readonly AgePoint[],
  percentiles: readonly RatioPercentile[],
  level: number,
): number {
  const p = percentiles.find((x) => x.level === level);
  return p ? points.filter((x) => x.ratio > p.ratio).length : 0;
}
