import { toDayNumber } from '../calendar/iso-date.ts';
import { deliveryQuantileDays, probabilityByDay } from '../forecast/milestone-dates.ts';
import {
  fixedRatio,
  quantileDistribution,
  type QuantileDistribution,
} from '../forecast/quantile-distribution.ts';
import type { MilestoneTable } from '../models/features/milestone-table.ts';
import { forecastRows } from '../models/predict/milestone-forecasts.ts';
import type { ProductModel } from '../models/product-model.ts';
import type { Plan } from '../schema/advice.ts';
import type { HistoryRow } from './history-rows.ts';
import { similarHistory } from './history-stats.ts';

/** The delivery forecast of one plan milestone, as planned (not conditioned on today). */
export interface PlanMilestoneForecast {
  id: string;
  startDay: number;
  plannedDays: number;
  dueDay: number;
  distribution: QuantileDistribution;
  source: 'model' | 'reference_class' | 'as_planned';
  /** Delivery day at P10, P50, P80, P90 and at the chosen confidence. */
  days: { p10: number; p50: number; p80: number; p90: number; conf: number };
  pOnTime: number;
  pDispute: number | null;
}

function summarise(
  id: string,
  timing: { startDay: number; plannedDays: number; dueDay: number },
  distribution: QuantileDistribution,
  extra: { source: PlanMilestoneForecast['source']; pDispute: number | null; confidence: number },
): PlanMilestoneForecast {
  const [p10, p50, p80, p90, conf] = deliveryQuantileDays(distribution, timing, [
    0.1,
    0.5,
    0.8,
    0.9,
    extra.confidence,
  ]) as [number, number, number, number, number];
  return {
    id,
    ...timing,
    distribution,
    source: extra.source,
    days: { p10, p50, p80, p90, conf },
    pOnTime: probabilityByDay(distribution, timing, timing.dueDay),
    pDispute: extra.pDispute,
  };
}

const timingOf = (m: Plan['milestones'][number]) => {
  const startDay = toDayNumber(m.plannedStart);
  const dueDay = toDayNumber(m.dueDate);
  return { startDay, dueDay, plannedDays: Math.max(1, dueDay - startDay) };
};

/** Reference class: empirical ratio quantiles of similar past milestones (the model's baseline). */
export function referenceDistribution(
  history: readonly HistoryRow[],
  key: { partnerId: string; partnerKind: string | null; type: string },
): QuantileDistribution | null {
  const { rows } = similarHistory(history, key);
  const xs = rows
    .map((r) => r.logRatio)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  if (xs.length < 5) return null;
  const levels = [0.1, 0.25, 0.5, 0.75, 0.9];
  return quantileDistribution(
    levels,
    levels.map((l) => xs[Math.min(xs.length - 1, Math.floor(l * xs.length))] ?? 0),
  );
}

/**
 * Forecasts every milestone of a plan as written: from the trained model on a draft table when
 * there is one, else from similar past milestones, else as planned (ratio 1).
 */
export function forecastPlan(
  plan: Plan,
  sources: { model?: ProductModel; draft?: MilestoneTable; history: readonly HistoryRow[] },
  options: { confidence: number },
): PlanMilestoneForecast[] {
  const ms = plan.milestones;
  const first = ms.map((m) => m.plannedStart).sort()[0] ?? '1970-01-01';
  const byModel =
    sources.model && sources.draft
      ? forecastRows(sources.model, sources.draft, Int32Array.from(ms.keys()), first)
      : null;
  return ms.map((m, i) => {
    const f = byModel?.[i];
    const key = {
      partnerId: m.partnerId ?? plan.partnerId,
      partnerKind: plan.partnerKind ?? null,
      type: m.type,
    };
    const ref = f ? null : referenceDistribution(sources.history, key);
    const distribution = f?.distribution ?? ref ?? fixedRatio(1);
    const source = f ? 'model' : ref ? 'reference_class' : 'as_planned';
    return summarise(m.id, timingOf(m), distribution, {
      source,
      pDispute: f?.pDispute ?? null,
      confidence: options.confidence,
    });
  });
}

/**
 * The same work moved: a new start shifts delivery, a new due date changes only what "on time"
 * means (so a due date moved to the P80 is met 80% of the time, as in forecastRows).
 */
export function rescheduledForecast(
  f: PlanMilestoneForecast,
  m: Plan['milestones'][number],
  options: { confidence: number },
): PlanMilestoneForecast {
  const shift = toDayNumber(m.plannedStart) - f.startDay;
  const timing = {
    startDay: f.startDay + shift,
    plannedDays: f.plannedDays,
    dueDay: toDayNumber(m.dueDate),
  };
  return summarise(m.id, timing, f.distribution, {
    source: f.source,
    pDispute: f.pDispute,
    confidence: options.confidence,
  });
}
