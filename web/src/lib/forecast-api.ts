// Typed client for the forecast endpoints (docs/forecasting.md, "API"); `api.forecasts` in api.ts.
import type {
  AtRiskList,
  CashFlowForecast,
  MilestoneDetail,
  MilestoneForecast,
  MilestoneList,
  ModelQuality,
  ProjectDetail,
  ProjectForecast,
  ProjectForecastList,
  ProjectList,
} from '../../../api/types.ts';
import { getJson, type RequestOptions } from './get-json.ts';

/** What-if: a moved due date and/or another partner. */
export interface WhatIf {
  dueDate?: string | undefined;
  partner?: string | undefined;
}

export interface Selection {
  brand?: string | undefined;
  partner?: string | undefined;
}

const enc = encodeURIComponent;

export const forecastApi = {
  projects: (q: Selection & { limit?: number; offset?: number }, options?: RequestOptions) =>
    getJson<ProjectForecastList>('/forecasts/projects', { ...q }, options),
  project: (
    id: string,
    q: WhatIf & { milestone?: string | undefined; runs?: number },
    options?: RequestOptions,
  ) => getJson<ProjectForecast>(`/forecasts/projects/${enc(id)}`, { ...q }, options),
  milestone: (id: string, q: WhatIf, options?: RequestOptions) =>
    getJson<MilestoneForecast>(`/forecasts/milestones/${enc(id)}`, { ...q }, options),
  milestoneDetail: (id: string, options?: RequestOptions) =>
    getJson<MilestoneDetail>(`/milestones/${enc(id)}`, {}, options),
  /** A project's milestones and their history (events, payments, disputes). */
  projectDetail: (id: string, options?: RequestOptions) =>
    getJson<ProjectDetail>(`/projects/${enc(id)}`, {}, options),
  atRisk: (
    q: Selection & { risk?: 'late' | 'dispute'; limit?: number },
    options?: RequestOptions,
  ) => getJson<AtRiskList>('/forecasts/at-risk', { ...q }, options),
  /** Milestones by status (open ones for the age chart, approved ones for its history lines). */
  milestones: (
    q: Selection & { status: string; limit: number; sort?: string; order?: 'asc' | 'desc' },
    options?: RequestOptions,
  ) => getJson<MilestoneList>('/milestones', { ...q }, options),
  cashFlow: (q: Selection & { weeks?: number }, options?: RequestOptions) =>
    getJson<CashFlowForecast>('/forecasts/cash-flow', { ...q }, options),
  /** Recent projects with their contracts (the Advisor's contract picker). */
  recentProjects: (limit: number, options?: RequestOptions) =>
    getJson<ProjectList>('/projects', { limit, sort: 'lastDue', order: 'desc' }, options),
  quality: (options?: RequestOptions) => getJson<ModelQuality>('/models/quality', {}, options),
};
