// Typed client for the Milepost API (same origin). Types come from the API itself; values never do.
import type {
  FilterOptions,
  HealthStatus,
  KpiSummary,
  Me,
  KpiTrend,
  PartnerRanking,
} from '$api/types.ts';
import type { Filters } from './filters.ts';
import { adviceApi } from './advice/advice-api.ts';
import { forecastApi } from './forecast-api.ts';
import { getJson, type RequestOptions } from './get-json.ts';
import type { PartnerSort } from './partner-sort.ts';
import { signOut } from './session.ts';

export { ApiError } from './api-error.ts';
export type { RequestOptions } from './get-json.ts';

export interface PartnerPage extends Partial<PartnerSort> {
  limit?: number;
  offset?: number;
  minCompleted?: number;
}

export const api = {
  kpis: (filters: Filters, options?: RequestOptions) =>
    getJson<KpiSummary>('/kpis', { ...filters }, options),
  trend: (filters: Filters, options?: RequestOptions) =>
    getJson<KpiTrend>('/kpis/trend', { ...filters }, options),
  partners: (filters: Filters, page: PartnerPage = {}, options?: RequestOptions) =>
    getJson<PartnerRanking>('/partners', { ...filters, ...page }, options),
  filters: (options?: RequestOptions) => getJson<FilterOptions>('/filters', {}, options),
  health: (options?: RequestOptions) => getJson<HealthStatus>('/health', {}, options),
  /** Who is signed in (role, brands); a 401 shows the sign-in prompt. */
  me: (options?: RequestOptions) => getJson<Me>('/me', {}, options),
  signOut: () => signOut(),
  /** Forecasts, cash flow, model quality (the planner's pages). */
  forecasts: forecastApi,
  /** Milestone definitions, payment splits and incentives (POST /api/advice/*). */
  advice: adviceApi,
};
