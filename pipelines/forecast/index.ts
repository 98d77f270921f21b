// Public API of the forecast engine (pure: no database, no clock, seeded randomness).
export type { QuantileDistribution, QuantileOptions, TailKind } from './quantile-distribution.ts';
export {
  cdfAt,
  conditionOnSurvival,
  fixedRatio,
  quantileAt,
  quantileDistribution,
  ratioDistribution,
  ratioQuantiles,
  repairMonotone,
  sampleRatio,
  shiftLogRatio,
} from './quantile-distribution.ts';
export type { MilestoneForecast, MilestoneTiming } from './milestone-dates.ts';
export {
  ageRatio,
  deliveryDay,
  deliveryQuantileDays,
  milestoneForecast,
  probabilityByDay,
} from './milestone-dates.ts';
export type { ForecastMilestone, SimulationOptions } from './project-input.ts';
export { DEFAULT_RHO, DEFAULT_RUNS } from './project-input.ts';
export { DependencyCycleError } from './compile-project.ts';
export type { DayDistribution } from './day-distribution.ts';
export { dayQuantile, shareOnOrBefore } from './day-distribution.ts';
export type { MilestoneOutlook, ProjectForecast, ProjectOutlook } from './simulate-project.ts';
export { milestoneSamples, probabilityFinishedBy, simulateProject } from './simulate-project.ts';
export type { PortfolioOutlook, PortfolioProject } from './simulate-portfolio.ts';
export { simulatePortfolio } from './simulate-portfolio.ts';
export type { ParallelOptions, PortfolioOptions } from './simulate-portfolio-parallel.ts';
export { simulatePortfolioParallel } from './simulate-portfolio-parallel.ts';
export type {
  CashFlowContract,
  CashFlowForecast,
  CashFlowMilestone,
  CashFlowOptions,
  DeliverySource,
} from './cash-flow.ts';
export { cashFlowForecast } from './cash-flow.ts';
export { progressFan } from './progress-fan.ts';
export type { WeekBand } from './week-buckets.ts';
export { mondayOf } from './week-buckets.ts';
export type { WhatIf, WhatIfComparison } from './what-if.ts';
export { applyWhatIfs, compareWhatIf, withDueDate, withPartner } from './what-if.ts';
