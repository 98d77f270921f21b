// Types of the API's answers, for the dashboard's typed client (web imports types only).
import type { z } from 'zod';
import type * as ImportSchemas from '../pipelines/schema/imports.ts';

export type {
  FilterOptions,
  KpiFilterInput,
  KpiSummary,
  KpiTrend,
  KpiTrendPoint,
  PartnerRanking,
  PartnerRankingRow,
  Rate,
} from '../pipelines/schema/kpis.ts';
export type { Me } from '../pipelines/schema/auth.ts';
export type { CohortDimension } from '../pipelines/cube/dimensions.ts';
export type {
  CohortHeatmap,
  CohortMetric,
  CohortRow,
  CohortTable,
} from '../pipelines/schema/cohorts.ts';
export type { PartnerScorecard } from '../pipelines/schema/scorecards.ts';
export type { DidResult, PolicyImpact } from '../pipelines/schema/policy.ts';
export type {
  AtRiskList,
  CashFlowForecast,
  MilestoneForecast,
  ModelQuality,
  ProjectForecast,
  ProjectForecastList,
} from '../pipelines/schema/forecasts.ts';
export type {
  MilestoneDetail,
  MilestoneList,
  MilestoneRow,
  ProjectDetail,
  ProjectList,
} from '../pipelines/schema/lists.ts';
export type {
  CheckResponse,
  IncentiveResponse,
  PlanInput,
  SplitResponse,
} from '../pipelines/schema/advice.ts';
export type { ApiErrorBody } from './errors.ts';
export type { HealthStatus } from './routes/health.ts';

// The import schemas export only zod values; their answers' types are inferred here.
export type ImportResult = z.output<typeof ImportSchemas.ImportResultSchema>;
export type LoadList = z.output<typeof ImportSchemas.LoadListSchema>;
export type LoadRow = z.output<typeof ImportSchemas.LoadRowSchema>;
export type QuarantinePage = z.output<typeof ImportSchemas.QuarantinePageSchema>;
