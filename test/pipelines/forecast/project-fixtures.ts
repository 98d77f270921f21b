// Small projects for the forecast tests. Day numbers around 2025-03-03 (a Monday).
import { toDayNumber } from '../../../pipelines/calendar/iso-date.ts';
import type { ForecastMilestone } from '../../../pipelines/forecast/project-input.ts';
import type { QuantileDistribution } from '../../../pipelines/forecast/quantile-distribution.ts';
import { quantileDistribution } from '../../../pipelines/forecast/quantile-distribution.ts';

export const DAY0 = toDayNumber('2025-03-03');

/** log-ratio quantiles with a right skew, like most partners' history. */
export const typical: QuantileDistribution = quantileDistribution(
  [0.1, 0.5, 0.8, 0.9, 0.95],
  [-0.1, 0.05, 0.25, 0.4, 0.55],
);

export function milestone(id: string, fields: Partial<ForecastMilestone> = {}): ForecastMilestone {
  return {
    id,
    partnerId: 'agency',
    startDay: DAY0,
    plannedDays: 10,
    distribution: typical,
    ...fields,
  };
}

/** `n` milestones in a finish-to-start chain, all with one partner. */
export function chain(n: number, fields: Partial<ForecastMilestone> = {}): ForecastMilestone[] {
  return Array.from({ length: n }, (_, i) =>
    milestone(`m${i}`, { dependsOn: i === 0 ? [] : [`m${i - 1}`], ...fields }),
  );
}
