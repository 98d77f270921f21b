// Types of the API's answers, for the dashboard's typed client (web imports types only).
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
export type { ApiErrorBody } from './errors.ts';
export type { HealthStatus } from './routes/health.ts';
