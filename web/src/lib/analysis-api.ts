// Typed client calls of the Overview, Partners, Cohorts and Data pages (same origin).
import type {
  CohortHeatmap,
  CohortTable,
  ImportResult,
  LoadList,
  PartnerScorecard,
  PolicyImpact,
  QuarantinePage,
} from '$api/types.ts';
import type { CohortChoice } from './cohort-view.ts';
import type { Filters } from './filters.ts';
import { getJson, type RequestOptions } from './get-json.ts';
import { postForm } from './post-form.ts';

export const analysisApi = {
  policyImpact: (filters: Filters, options?: RequestOptions) =>
    getJson<PolicyImpact>('/policy-impact', { ...filters }, options),
  scorecard: (partnerId: string, filters: Filters, options?: RequestOptions) => {
    const { partner: _partner, ...rest } = filters;
    return getJson<PartnerScorecard>(
      `/partners/${encodeURIComponent(partnerId)}/scorecard`,
      rest,
      options,
    );
  },
  cohortHeatmap: (filters: Filters, choice: CohortChoice, options?: RequestOptions) =>
    getJson<CohortHeatmap>('/cohorts/heatmap', { ...filters, ...choice }, options),
  cohortTable: (filters: Filters, choice: CohortChoice, limit: number, options?: RequestOptions) =>
    getJson<CohortTable>('/cohorts', { ...filters, by: `${choice.y},${choice.x}`, limit }, options),
  loads: (limit: number, options?: RequestOptions) =>
    getJson<LoadList>('/imports', { limit }, options),
  quarantine: (
    loadId: string,
    page: { limit: number; offset: number; rule?: string },
    options?: RequestOptions,
  ) => getJson<QuarantinePage>(`/imports/${encodeURIComponent(loadId)}/quarantine`, page, options),
  mappings: (options?: RequestOptions) =>
    getJson<{ mappings: { name: string; description: string | null }[] }>(
      '/imports/mappings',
      {},
      options,
    ),
  upload: (form: FormData, options?: RequestOptions) =>
    postForm<ImportResult>('/imports', form, options),
};
