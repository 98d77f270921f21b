// How much a work window is exposed to China's capacity shocks. The CNY shutdown stops most
// partners for weeks; Golden Week and the platform peaks (618, 11.11, 12.12) tie up creators,
// livestream hosts and store teams. Exposure lowers the chance of finishing on time and adds
// days to the slip when the work is late.
import { overlapDays, periodNames } from './day-profile.ts';
import type { DayProfile } from './day-profile.ts';

// In periodNames order: cny, golden_week, 618, double11, double12.
const logitWeight = [1.5, 0.6, 0.4, 0.5, 0.3];
const extraDaysPerDay = [0.6, 0.35, 0.2, 0.25, 0.15];

export interface PeakExposure {
  /** 0..1, weighted share of the window inside shocks. */
  readonly share: number;
  /** Days a late delivery slips further because of the shocks. */
  readonly extraDays: number;
}

export function peakExposure(days: DayProfile, start: number, due: number): PeakExposure {
  const length = Math.max(1, due - start);
  let weighted = 0;
  let extra = 0;
  for (let k = 0; k < periodNames.length; k++) {
    const d = overlapDays(days, k, start, due);
    if (d === 0) continue;
    weighted += (logitWeight[k] ?? 0) * d;
    extra += (extraDaysPerDay[k] ?? 0) * d;
  }
  return { share: Math.min(1, weighted / length), extraDays: extra };
}
