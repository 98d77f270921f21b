import { z } from 'zod';
import { Transform } from '../parse/transform-schema.ts';

// A mapping says how one row of someone else's export becomes one canonical milestone (with its
// brand, partner, contract, project, events, payment and dispute). Files live in data/mappings/
// (see data/mappings/README.md); the messages here are written for the person editing one.

const columnName = z.string().min(1, { error: 'a column name must not be empty' });

/** Where a field's value comes from: a source column (with a transform), or a constant. */
export const FieldSource = z.union([
  z.strictObject({
    column: columnName,
    transform: Transform.optional().describe('how the text becomes a value (default: by field)'),
    scale: z
      .number()
      .positive()
      .optional()
      .describe('multiplies a number (e.g. 1000000 for USD m)'),
    fallback: z
      .strictObject({ column: columnName, transform: Transform.optional() })
      .optional()
      .describe(
        "read when this column's cell is empty (e.g. EstimateOn when StartedOn is missing)",
      ),
  }),
  z.strictObject({ constant: z.union([z.string(), z.number()]) }),
  z
    .strictObject({ lineNumber: z.literal(true), prefix: z.string().default('') })
    .describe('for files without a key: the source line, so a re-import of the same file matches'),
  z.strictObject({
    addDays: z
      .string()
      .describe('a date field of this mapping (e.g. plannedStart) to which days are added'),
    days: z
      .array(z.strictObject({ column: columnName, transform: Transform.optional() }))
      .min(1)
      .describe('columns whose numbers are added up to give the days'),
    scale: z.number().positive().default(1).describe('multiplies the days (hours / 8 = 0.125)'),
  }),
]);
export type FieldSource = z.infer<typeof FieldSource>;

/** The canonical fields a mapping can fill. Required ones are marked in `requiredFields`. */
export const mappableFields = [
  'milestoneId',
  'projectId',
  'projectName',
  'partnerId',
  'partnerName',
  'partnerKind',
  'partnerCity',
  'contractId',
  'pricingModel',
  'currency',
  'name',
  'type',
  'acceptanceCriteria',
  'plannedStart',
  'actualStart',
  'baselineDue',
  'currentDue',
  'amount',
  'status',
  'submittedDate',
  'approvedDate',
  'paidDate',
  'disputeOpened',
  'disputeReason',
  'disputeAmount',
] as const;
export type MappableField = (typeof mappableFields)[number];
export const requiredFields: readonly MappableField[] = ['milestoneId', 'partnerId', 'baselineDue'];

const ExcludeRule = z.strictObject({
  column: columnName,
  equals: z.array(z.string()).min(1),
  reason: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, { error: 'reason must be a snake_case code, e.g. template_task' }),
});

const SourceSpec = z.strictObject({
  format: z
    .enum(['auto', 'csv', 'tsv', 'xlsx', 'parquet', 'json', 'ndjson', 'arrow'])
    .default('auto'),
  encoding: z.enum(['auto', 'utf-8', 'gb18030', 'gbk', 'windows-1252']).default('auto'),
  delimiter: z.string().min(1).max(1).optional(),
  sheet: z
    .union([z.string(), z.number().int().min(1)])
    .optional()
    .describe('xlsx: a sheet name or its 1-based position (default: the first)'),
});

/** A second file whose columns are added to each row of the first, matched on a key. */
const JoinSpec = z
  .strictObject({
    file: z
      .string()
      .min(1, { error: 'join.file must name the second file' })
      .optional()
      .describe(
        'the second file, relative to the folder of the file imported (or absolute); --join overrides it',
      ),
    on: z
      .array(columnName)
      .min(1, { error: 'join.on must name at least one key column' })
      .refine((cols) => new Set(cols).size === cols.length, {
        error: 'join.on names a column twice',
      })
      .describe('key column(s), spelt the same in both files; compared as trimmed text'),
    source: SourceSpec.default({ format: 'auto', encoding: 'auto' }),
    prefix: z
      .string()
      .default('')
      .describe(
        "put before the second file's column names (needed when both files have a column of the same name)",
      ),
    required: z
      .boolean()
      .default(false)
      .describe('rows with no matching row in the second file are quarantined as join_unmatched'),
  })
  .describe(
    'the second file may repeat a key with identical rows; a key with different rows there quarantines its rows as join_ambiguous',
  );
export type JoinSpec = z.infer<typeof JoinSpec>;

export const Mapping = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'name must be lower-case letters, digits, - or _' }),
    description: z.string().optional(),
    source: SourceSpec.default({ format: 'auto', encoding: 'auto' }),
    brand: FieldSource.optional().describe('default: the --brand option'),
    fields: z.partialRecord(z.enum(mappableFields), FieldSource),
    attributes: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
        z.strictObject({ column: columnName, transform: Transform.optional() }),
      )
      .default({})
      .describe('extra columns kept on the milestone for the models'),
    exclude: z
      .array(ExcludeRule)
      .default([])
      .describe('rows set aside on purpose, quarantined with the reason'),
    versions: z
      .strictObject({ column: columnName, transform: Transform.optional() })
      .optional()
      .describe(
        'rows sharing a milestone id are successive versions in the order of this column: the first gives the baseline, the last the current values, the others go to history',
      ),
    join: JoinSpec.optional(),
  })
  .superRefine((m, ctx) => {
    for (const f of requiredFields) {
      if (!m.fields[f])
        ctx.addIssue({ code: 'custom', path: ['fields', f], message: `${f} is required` });
    }
    for (const [name, src] of Object.entries(m.fields)) {
      if (src && 'addDays' in src && !(src.addDays in m.fields && src.addDays !== name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', name, 'addDays'],
          message: `addDays names '${src.addDays}', which this mapping does not fill`,
        });
      }
    }
  });
export type Mapping = z.infer<typeof Mapping>;
export type MappingInput = z.input<typeof Mapping>;
