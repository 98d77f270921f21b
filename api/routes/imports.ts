import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { listLoads } from '../../pipelines/ingest/history/list-loads.ts';
import { loadVisible, quarantinePage } from '../../pipelines/ingest/history/quarantine-page.ts';
import { importFile } from '../../pipelines/ingest/load/import-file.ts';
import { ImportError } from '../../pipelines/ingest/load/import-error.ts';
import {
  loadMapping,
  MappingError,
  parseMappingText,
} from '../../pipelines/ingest/mapping/load-mapping.ts';
import type { Mapping } from '../../pipelines/ingest/mapping/mapping-schema.ts';
import {
  ImportResultSchema,
  LoadListSchema,
  PageQuery,
  QuarantinePageSchema,
} from '../../pipelines/schema/imports.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { openapiExamples } from '../openapi-examples.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';
import { scopeOf } from '../scope.ts';
import { assertImportBrand } from './import-brand.ts';
import { quarantineCsv } from './quarantine-csv.ts';

const UploadForm = z.object({
  file: z.any().meta({ type: 'string', format: 'binary', description: 'the export to import' }),
  mapping: z
    .string()
    .optional()
    .describe('name of a shipped mapping (data/mappings/<name>.json, .yaml or .yml)'),
  mappingJson: z.string().optional().describe('a whole mapping as JSON, instead of a name'),
  mappingYaml: z.string().optional().describe('a whole mapping as YAML, instead of a name'),
  brand: z.string().optional().describe('brand the rows belong to (overrides the mapping)'),
  dryRun: z.enum(['true', 'false']).optional().describe('validate and count, then roll back'),
});

const postRoute = createRoute({
  method: 'post',
  path: '/imports',
  tags: ['imports'],
  summary: 'Import a file through a mapping (multipart upload)',
  request: { body: { content: { 'multipart/form-data': { schema: UploadForm } }, required: true } },
  responses: {
    201: {
      description: 'Loaded',
      content: {
        'application/json': { schema: ImportResultSchema, example: openapiExamples.importResult },
      },
    },
    200: {
      description: 'Dry run: counted, nothing written',
      content: {
        'application/json': {
          schema: ImportResultSchema,
          example: { ...openapiExamples.importResult, dryRun: true },
        },
      },
    },
    413: { description: 'File larger than the upload limit' },
    422: { description: 'The file could not be loaded; nothing was changed' },
    ...errorResponses,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/imports',
  tags: ['imports'],
  summary: 'Load history with counts, newest first',
  request: { query: PageQuery },
  responses: {
    200: {
      description: 'Loads',
      content: { 'application/json': { schema: LoadListSchema, example: openapiExamples.loads } },
    },
    ...errorResponses,
  },
});

const quarantineRoute = createRoute({
  method: 'get',
  path: '/imports/{id}/quarantine',
  tags: ['imports'],
  summary:
    'Rows of a load that were not loaded, with the rule, column, value and line (JSON or CSV)',
  request: {
    params: z.object({ id: z.string().min(1).max(128) }),
    query: PageQuery.extend({
      rule: z.string().max(64).optional(),
      format: z
        .enum(['json', 'csv'])
        .default('json')
        .describe('csv: every row of the load, streamed'),
    }),
  },
  responses: {
    200: {
      description: 'Quarantined rows',
      content: {
        'application/json': { schema: QuarantinePageSchema, example: openapiExamples.quarantine },
        'text/csv': { schema: z.string(), example: openapiExamples.quarantineCsv },
      },
    },
    404: { description: 'No such load' },
    ...errorResponses,
  },
});

function mappingFrom(form: Record<string, unknown>): Mapping {
  const inline = (['mappingJson', 'mappingYaml'] as const).filter(
    (k) => typeof form[k] === 'string',
  );
  if (inline.length > 1) {
    throw new ApiError(400, 'invalid_parameter', 'Give `mappingJson` or `mappingYaml`, not both');
  }
  const field = inline[0];
  if (field !== undefined) {
    // A MappingError (text that does not parse, or a mapping that is not valid) becomes a 400
    // invalid_mapping in the route, with its issues.
    return parseMappingText(
      form[field] as string,
      field === 'mappingJson' ? 'json' : 'yaml',
      field,
    );
  }
  if (typeof form.mapping === 'string' && /^[a-z0-9][a-z0-9_-]*$/.test(form.mapping))
    return loadMapping(form.mapping);
  throw new ApiError(
    400,
    'invalid_parameter',
    'Give `mapping` (a shipped mapping name), `mappingJson` or `mappingYaml`',
  );
}

/** `loadWarehouse` runs the loads themselves, without the query time-out reads have. */
export function importRoutes(deps: AppDeps, loadWarehouse = deps.warehouse) {
  const limitBytes = deps.uploadLimitBytes ?? 200 * 1024 * 1024;
  const app = newRouter();
  app.use(
    '/imports',
    bodyLimit({
      maxSize: limitBytes,
      onError: () => {
        throw new ApiError(
          413,
          'payload_too_large',
          `The upload is larger than ${Math.round(limitBytes / 1048576)} MB`,
        );
      },
    }),
  );
  return app
    .openapi(postRoute, async (c) => {
      const form = (await c.req.parseBody()) as Record<string, unknown>;
      const file = form.file;
      if (!(file instanceof File))
        throw new ApiError(400, 'invalid_parameter', 'file: attach the export as `file`');
      let mapping: Mapping;
      try {
        mapping = mappingFrom(form);
      } catch (err) {
        if (err instanceof MappingError)
          throw new ApiError(400, 'invalid_mapping', err.message, err.issues);
        throw err;
      }
      const brand = typeof form.brand === 'string' && form.brand ? form.brand : undefined;
      assertImportBrand(scopeOf(c), brand, mapping);
      const dir = await mkdtemp(join(tmpdir(), 'milepost-upload-'));
      const path = join(dir, `upload${extname(file.name).slice(0, 10)}`);
      try {
        await writeFile(path, Buffer.from(await file.arrayBuffer()));
        const result = await importFile(loadWarehouse, path, {
          mapping,
          brand,
          dryRun: form.dryRun === 'true',
          sourceName: file.name,
          // At the load's COMMIT the marts fall behind: the next answer waits for their refresh.
          onProgress: (p) => {
            if (p.phase === 'marts') deps.dataVersion?.invalidate();
          },
        });
        // Cached answers are keyed by the data version the load just changed.
        if (!result.dryRun) deps.dataVersion?.invalidate();
        return c.json(result, result.dryRun ? 200 : 201);
      } catch (err) {
        if (err instanceof ImportError) throw new ApiError(422, err.code, err.message);
        throw err;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    })
    .openapi(listRoute, async (c) => {
      const page = c.req.valid('query');
      const loads = await deps.warehouse.withConnection((conn) =>
        listLoads(conn, page, scopeOf(c)),
      );
      return c.json({ loads }, 200);
    })
    .openapi(quarantineRoute, async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const scope = scopeOf(c);
      const found = await deps.warehouse.withConnection((conn) => loadVisible(conn, id, scope));
      // Another brand's load and a load that does not exist answer alike.
      if (!found) throw new ApiError(404, 'not_found', `No load ${id}`);
      if (q.format === 'csv') return quarantineCsv(c, deps, id, q.rule, scope);
      const page = await deps.warehouse.withConnection((conn) =>
        quarantinePage(conn, id, q, scope),
      );
      return c.json({ loadId: id, ...page }, 200);
    });
}
