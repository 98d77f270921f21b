// Everything the notebooks call, in one module (loaded by milepost.mjs). Notebooks stay thin:
// the analysis is pipelines/ code, and the few notebook helpers beside this file are unit-tested
// in test/notebooks/.
export { openWarehouse } from '../../pipelines/warehouse/warehouse.ts';
export { cohortTable } from '../../pipelines/kpi/cohort-table.ts';
export { cohortHeatmap } from '../../pipelines/kpi/cohort-heatmap.ts';
export { CohortTableQuery, CohortHeatmapQuery } from '../../pipelines/schema/cohorts.ts';
export { policyImpact } from '../../pipelines/policy/policy-impact.ts';
export { PolicyImpactQuery } from '../../pipelines/schema/policy.ts';
export { backtestSource } from '../../pipelines/models/backtest/run-source.ts';
export { realDataDir } from '../../pipelines/models/backtest/real-sources.ts';

export { openDemo } from './demo-warehouse.ts';
export { cohortDisplay, cohortLine, writeCohortCsv } from './cohort-export.ts';
export { eventTimeRates } from './event-time.ts';
export { preTrend, eventSeries } from './pre-trend.ts';
export { placeboImpact } from './placebo.ts';
export { didCellRows, didEstimateRows, placeboRows } from './did-table.ts';
export { scoreLines, calibrationSeries, modelLosses, metricLoss } from './backtest-summary.ts';
export { renderSvg } from './svg-chart.ts';
export { heatmapOption, lineOption, barOption } from './chart-options.ts';
export { markdownTable, percent } from './markdown-table.ts';
