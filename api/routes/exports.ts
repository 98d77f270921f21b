import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { listFilter } from '../../pipelines/lists/list-filter.ts';
import { milestoneListSql } from '../../pipelines/lists/milestone-list.ts';
import { projectListSql } from '../../pipelines/lists/project-list.ts';
import type { ExportSource } from '../../pipelines/export/export-source.ts';
import { cohortExportSource } from '../../pipelines/kpi/cohort-export.ts';
import { partnerRankingSource } from '../../pipelines/kpi/partner-ranking.ts';
import { CohortTableFields } from '../../pipelines/schema/cohorts.ts';
import {
  KpiFilterFields,
  PartnerRankingFields,
  withPeriodCheck,
} from '../../pipelines/schema/kpis.ts';
import { MilestoneListFields, ProjectListFields } from '../../pipelines/schema/lists.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import { ApiErrorBody } from '../errors.ts';
import { exportFormats, exportResponse, type ExportFormat } from '../export-response.ts';
import { currentExportEtag } from '../export-etag.ts';
import { notModified } from '../middleware/conditional-get.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';

const format = {
  format: z.enum(exportFormats).default('csv').meta({
    description:
      'csv (metadata in leading `#` lines), xlsx (sheet "metadata"), parquet (key-value metadata), arrow (IPC stream, schema metadata)',
    example: 'parquet',
  }),
};
const noPage = { limit: true, offset: true } as const;

const CohortExport = withPeriodCheck(
  KpiFilterFields.extend(CohortTableFields.omit(noPage).shape).extend(format),
);
const MilestoneExport = withPeriodCheck(
  KpiFilterFields.extend(MilestoneListFields.omit(noPage).shape).extend(format),
);
const ProjectExport = withPeriodCheck(
  KpiFilterFields.extend(ProjectListFields.omit(noPage).shape).extend(format),
);
const PartnerExport = withPeriodCheck(
  KpiFilterFields.extend(PartnerRankingFields.omit(noPage).shape).extend(format),
);

const fileResponses = {
  200: {
    description:
      'The file, streamed; X-Milepost-As-Of and X-Milepost-Model-Version repeat its metadata; a weak ETag (none before the first load) allows If-None-Match',
    content: {
      'text/csv': {
        schema: z.string(),
        example:
          '# milepost.dataset: cohorts\n# milepost.filters: {%22by%22:[%22partnerKind%22]...}\n# milepost.as_of: 2026-10-31\n# milepost.model_version: null\n# milepost.data_version: 20261101T020311-3f9c2a1b\n# milepost.scope: all\npartnerKind,milestones,completed,...\nagency,1825040,1512230,...\n',
      },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: z.string().meta({ format: 'binary' }),
      },
      'application/vnd.apache.parquet': { schema: z.string().meta({ format: 'binary' }) },
      'application/vnd.apache.arrow.stream': { schema: z.string().meta({ format: 'binary' }) },
    },
  },
  304: {
    description:
      'Not modified: If-None-Match matched the ETag, which comes from the data and model versions, path, query and brand scope',
  },
  422: {
    description: 'Too many rows for one XLSX sheet',
    content: { 'application/json': { schema: ApiErrorBody } },
  },
  ...errorResponses,
} satisfies RouteConfig['responses'];

const cohortsRoute = createRoute({
  method: 'get',
  path: '/exports/cohorts',
  tags: ['exports'],
  summary: 'A cohort table (every group) as a file',
  request: { query: CohortExport },
  responses: fileResponses,
});
const milestonesRoute = createRoute({
  method: 'get',
  path: '/exports/milestones',
  tags: ['exports'],
  summary: 'The milestone list (every row) as a file',
  request: { query: MilestoneExport },
  responses: fileResponses,
});
const projectsRoute = createRoute({
  method: 'get',
  path: '/exports/projects',
  tags: ['exports'],
  summary: 'The project list (every row) as a file',
  request: { query: ProjectExport },
  responses: fileResponses,
});
const partnersRoute = createRoute({
  method: 'get',
  path: '/exports/partners',
  tags: ['exports'],
  summary: 'The partner ranking (every partner) as a file',
  request: { query: PartnerExport },
  responses: fileResponses,
});

/** Exports read through `plain`, the warehouse without the per-request query time-out. */
export function exportRoutes(plain: Warehouse, appVersion: string) {
  const send = async <Q extends { format: ExportFormat }>(
    c: Context,
    dataset: string,
    valid: Q,
    source: (query: Omit<Q, 'format'>) => ExportSource,
  ) => {
    const { format: f, ...query } = valid;
    const scope = scopeOf(c);
    // Decided before any export work: a matching If-None-Match costs two small reads.
    const current = await currentExportEtag(plain, {
      path: c.req.path,
      query: valid,
      scope,
      appVersion,
    });
    const unchanged = current === null ? null : notModified(c, current.etag);
    if (unchanged) return unchanged;
    const versions = current?.versions;
    const req = { dataset, format: f, query, source: source(query), scope, versions };
    const res = await exportResponse(c, plain, req);
    if (current !== null) res.headers.set('ETag', current.etag);
    return res;
  };
  return newRouter()
    .openapi(cohortsRoute, async (c) =>
      send(c, 'cohorts', c.req.valid('query'), (q) => cohortExportSource(q, scopeOf(c))),
    )
    .openapi(milestonesRoute, async (c) =>
      send(c, 'milestones', c.req.valid('query'), (q) => {
        const filter = listFilter(q, scopeOf(c), { status: q.status, project: q.project });
        const sql = milestoneListSql({ ...q, limit: 0, offset: 0 }, filter, false);
        return { sql, params: filter.params };
      }),
    )
    .openapi(projectsRoute, async (c) =>
      send(c, 'projects', c.req.valid('query'), (q) => {
        const filter = listFilter(q, scopeOf(c));
        const sql = projectListSql({ ...q, limit: 0, offset: 0 }, filter, false);
        return { sql, params: filter.params };
      }),
    )
    .openapi(partnersRoute, async (c) =>
      send(c, 'partners', c.req.valid('query'), (q) =>
        partnerRankingSource(q, { ...q, limit: 1, offset: 0 }, scopeOf(c), false),
      ),
    );
}
