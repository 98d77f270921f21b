import { z } from 'zod';
import { readError } from './read-error.ts';

export const FORMATS = ['csv', 'tsv', 'xlsx', 'parquet', 'json', 'ndjson', 'arrow'] as const;
export type FileFormat = (typeof FORMATS)[number];

const DELIMITER_HINT = 'one character, e.g. "," ";" "\\t" "|"';

export const readSpecSchema = z.strictObject({
  format: z.enum([...FORMATS, 'auto'], {
    error: `format must be one of ${[...FORMATS, 'auto'].join(', ')}`,
  }),
  encoding: z
    .enum(['auto', 'utf-8', 'gb18030', 'gbk', 'windows-1252'], {
      error: 'encoding must be auto, utf-8, gb18030, gbk or windows-1252',
    })
    .default('auto'),
  delimiter: z
    .string()
    .refine((d) => [...d].length === 1 && d !== '\n' && d !== '\r', {
      error: `delimiter must be ${DELIMITER_HINT}`,
    })
    .optional(),
  quote: z
    .string()
    .refine((q) => q === '' || /^[\x21-\x7e]$/.test(q), {
      error: 'quote must be one ASCII character, or "" for no quoting',
    })
    .optional(),
  header: z.boolean().default(true),
  sheet: z
    .union([z.string().min(1), z.number().int().min(1)], {
      error: 'sheet must be a sheet name or a 1-based sheet position',
    })
    .optional(),
  skipRows: z.number().int().min(0).max(1_000_000).default(0),
});

export type ReadSpecInput = z.input<typeof readSpecSchema>;
export type ReadSpec = z.output<typeof readSpecSchema>;

export const stageOptionsSchema = z.strictObject({
  /** Name for the staging table; a unique `stage_<hex>` by default. */
  table: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, {
      error: 'table must be a plain identifier (letters, digits, underscore)',
    })
    .optional(),
  /** TEMP tables vanish with the connection and never reach the warehouse file. */
  temp: z.boolean().default(true),
  /** Longest CSV/NDJSON line in bytes; DuckDB's own default is 2,000,000. */
  maxLineBytes: z
    .number()
    .int()
    .min(1024)
    .max(1 << 30)
    .default(2_000_000),
  /** More malformed rows than this fails the file (a wrong dialect, not a few bad rows). */
  maxRejects: z.number().int().min(0).default(100_000),
  /** Where transcoded temporary files go; the OS temp folder by default. */
  tempDir: z.string().min(1).optional(),
});

export type StageOptionsInput = z.input<typeof stageOptionsSchema>;
export type StageOptions = z.output<typeof stageOptionsSchema>;

/** Parses with zod and turns failures into an `invalid_spec` error a person can act on. */
export function parseWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw readError('invalid_spec', `invalid ${what}:\n${z.prettifyError(result.error)}`);
}

/** Options that only some formats understand; naming one for another format is a mistake. */
export function checkSpecFits(spec: ReadSpecInput, format: FileFormat): void {
  const textual = format === 'csv' || format === 'tsv';
  const misplaced = [
    ...(!textual && spec.delimiter !== undefined ? ['delimiter'] : []),
    ...(!textual && spec.quote !== undefined ? ['quote'] : []),
    ...(!textual && spec.encoding !== undefined && spec.encoding !== 'auto' ? ['encoding'] : []),
    ...(format !== 'xlsx' && spec.sheet !== undefined ? ['sheet'] : []),
    ...(!textual && format !== 'xlsx' && (spec.skipRows ?? 0) > 0 ? ['skipRows'] : []),
    ...(!textual && format !== 'xlsx' && spec.header === false ? ['header'] : []),
  ];
  if (misplaced.length > 0) {
    throw readError(
      'invalid_spec',
      `invalid file spec: ${misplaced.join(', ')} do(es) not apply to ${format} files`,
    );
  }
}
