import { z } from 'zod';

// Shapes of the import endpoints' answers (OpenAPI and the dashboard's types come from here).

export const ImportCountsSchema = z
  .object({
    read: z.number(),
    inserted: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    quarantined: z.number(),
    byRule: z.record(z.string(), z.number()).describe('quarantined rows by rule'),
  })
  .describe('read = inserted + updated + unchanged + quarantined, always');

export const ImportResultSchema = z
  .object({
    loadId: z.string(),
    dryRun: z.boolean(),
    counts: ImportCountsSchema,
    warnings: z.array(z.string()),
  })
  .meta({ id: 'ImportResult' });

export const LoadRowSchema = z.object({
  loadId: z.string(),
  source: z.string(),
  mapping: z.string().nullable(),
  brandId: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'succeeded', 'failed']),
  read: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  quarantined: z.number(),
  asOf: z.string().nullable(),
  message: z.string().nullable(),
});
export const LoadListSchema = z.object({ loads: z.array(LoadRowSchema) }).meta({ id: 'LoadList' });

export const QuarantinePageSchema = z
  .object({
    loadId: z.string(),
    total: z.number(),
    rows: z.array(
      z.object({
        sourceFile: z.string(),
        sourceLine: z.number(),
        rule: z.string(),
        column: z.string().nullable(),
        value: z.string().nullable(),
        message: z.string(),
        rowData: z.string().nullable().describe('the source row as read, JSON'),
      }),
    ),
  })
  .meta({ id: 'QuarantinePage' });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
