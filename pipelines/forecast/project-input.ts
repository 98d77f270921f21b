// What a project simulation takes in. Day numbers throughout (days since 1970-01-01); convert
// ISO dates at the edge with pipelines/calendar/iso-date.ts.
import type { QuantileDistribution } from './quantile-distribution.ts';

export interface ForecastMilestone {
  id: string;
  partnerId: string;
  /** Planned start, or the actual start once `started`. */
  startDay: number;
  /** Planned duration in calendar days (baseline due - planned start); the ratio's denominator. */
  plannedDays: number;
  /** Due day for P(on time); defaults to startDay + plannedDays. */
  dueDay?: number;
  /** Finish-to-start predecessors, by id. */
  dependsOn?: readonly string[];
  /**
   * log(actual / planned duration), unconditional: the simulation conditions an in-flight
   * milestone on its age itself (conditioning twice on the same age changes nothing).
   */
  distribution: QuantileDistribution;
  /** In flight since startDay: its start is a fact and predecessors no longer matter. */
  started?: boolean;
  /** Already delivered (approved) on this day: not simulated. */
  doneDay?: number;
}

export interface SimulationOptions {
  /** Today as a day number: nothing open starts before it. */
  asOf: number;
  seed: number;
  /** Monte Carlo runs (default 10,000). */
  runs?: number;
  /** Correlation of one partner's milestones through the shared shock, in [0, 1] (default 0.3). */
  rho?: number;
  /** Salts the milestone streams so projects with the same milestone ids draw independently. */
  projectKey?: string;
}

export const DEFAULT_RUNS = 10_000;
export const DEFAULT_RHO = 0.3;
