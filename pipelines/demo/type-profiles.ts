// How each milestone type behaves: planned duration, how often it is on time, how far it slips
// when late, how many revision rounds it draws and its weight in the budget. KOL seeding and
// livestreams depend on third parties (creators, platforms, traffic slots) and slip most;
// reports are mechanical and slip least.
import type { MilestoneType } from '../schema/enums.ts';

export interface TypeProfile {
  /** Planned duration in calendar days: median and bounds (all types stay within 5-60). */
  durationMedian: number;
  durationMin: number;
  durationMax: number;
  /** Added to the on-time logit. */
  onTimeShift: number;
  /** Median slip of a late milestone as a share of its planned duration, and its log spread. */
  slipMedian: number;
  slipSigma: number;
  /** Multiplies the mean number of revision rounds. */
  revisionFactor: number;
  /** Relative budget weight per planned day. */
  budgetWeight: number;
  /** Position in a project's chain (lower stages come first). */
  stage: number;
}

export const typeProfiles: Readonly<Record<MilestoneType, TypeProfile>> = {
  strategy: profile(18, 10, 35, 0.25, 0.3, 0.8, 1.0, 1.2, 0),
  creative: profile(20, 10, 40, -0.05, 0.35, 0.85, 1.5, 1.0, 1),
  content_production: profile(21, 8, 45, -0.1, 0.38, 0.85, 1.3, 1.1, 2),
  store_setup: profile(30, 14, 60, -0.3, 0.4, 0.85, 1.0, 1.3, 2),
  kol_seeding: profile(25, 10, 50, -0.55, 0.5, 0.9, 1.1, 1.4, 3),
  media_buy: profile(14, 7, 35, 0.25, 0.28, 0.8, 0.6, 1.6, 3),
  livestream: profile(10, 5, 25, -0.45, 0.55, 0.95, 0.9, 1.5, 4),
  other: profile(15, 5, 40, 0.0, 0.35, 0.85, 1.0, 0.8, 2),
  reporting: profile(8, 5, 15, 0.6, 0.22, 0.7, 0.5, 0.5, 5),
};

function profile(
  durationMedian: number,
  durationMin: number,
  durationMax: number,
  onTimeShift: number,
  slipMedian: number,
  slipSigma: number,
  revisionFactor: number,
  budgetWeight: number,
  stage: number,
): TypeProfile {
  return {
    durationMedian,
    durationMin,
    durationMax,
    onTimeShift,
    slipMedian,
    slipSigma,
    revisionFactor,
    budgetWeight,
    stage,
  };
}

/** English and Chinese labels used in milestone names. */
export const typeLabels: Readonly<Record<MilestoneType, readonly [string, string]>> = {
  strategy: ['Strategy and plan', '策略方案'],
  creative: ['Creative concept', '创意方案'],
  content_production: ['Content production', '内容制作'],
  store_setup: ['Store setup', '店铺搭建'],
  kol_seeding: ['KOL seeding', '达人种草'],
  media_buy: ['Media buy', '媒介投放'],
  livestream: ['Livestream session', '直播场次'],
  other: ['Localization', '本地化'],
  reporting: ['Performance report', '结案报告'],
};
