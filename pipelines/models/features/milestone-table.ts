import type { DuckDBConnection } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import { fromDayNumber } from '../../calendar/iso-date.ts';
import type { BrandScope } from '../../kpi/filter-sql.ts';
import { sqlFile } from '../../warehouse/sql-file.ts';
import { discoverAttributes, type AttributeFeature } from './attribute-features.ts';
import { enumColumns } from './enum-columns.ts';
import { encodeCategorical, type FeatureColumns, type ModelTable } from './model-table.ts';
import { readColumns } from './read-columns.ts';

/** Numeric features computed by milestone-features.sql (booleans read as 0/1). */
export const milestoneNumericFeatures = [
  'planned_days',
  'planned_workdays',
  'peak_days',
  'holiday_days',
  'due_on_holiday',
  'due_in_peak',
  'share',
  'log_amount',
  'criteria_length',
  'criteria_has_number',
  'partner_history_n',
  'partner_late_rate',
  'partner_log_ratio',
  'partner_dispute_rate',
  'type_late_rate',
  'brand_review_days',
  'brand_pay_late_days',
  'brand_dispute_rate',
  'partner_load_30d',
] as const;

/**
 * The in-flight state of a milestone: days since its start as a share of the plan, revision
 * rounds so far, whether it was submitted. The table holds it as of asOf for open milestones (0
 * for the rest); training rows describe a milestone at its start (0) or at a landmark
 * (landmark-rows.ts). Tables without these columns (a draft plan) are at the start.
 */
export const landmarkFeatures = ['age_ratio', 'revision_rounds', 'submitted_before'] as const;

/** Statuses of a milestone still open (not approved, rejected or cancelled). */
export const openStatuses: ReadonlySet<string> = new Set([
  'planned',
  'in_progress',
  'submitted',
  'revision_requested',
]);

export const milestoneCategoricalFeatures = ['milestone_type', 'partner_kind', 'pricing_model'];

export interface MilestoneTableOptions {
  asOf: string;
  scope?: BrandScope;
  /** Prior strength of the partner/brand shrinkage, in milestones. */
  shrinkK?: number;
  /** Attribute keys never used as features (outcomes in disguise). */
  excludeAttributes?: readonly string[];
  /** Restrict to these milestone ids (prediction for a few). */
  milestoneIds?: readonly string[];
}

export interface MilestoneTable extends ModelTable {
  attributes: AttributeFeature[];
  /** Per row: brand, partner, project, status, planned start and due (ISO), for callers. */
  meta: {
    brand: string[];
    partner: string[];
    project: string[];
    status: string[];
    plannedStart: string[];
    baselineDue: string[];
    currentDue: string[];
    approved: (string | null)[];
    submitted: (string | null)[];
  };
}

/** Builds the model table of the warehouse's milestones as known on `asOf`. */
export async function milestoneTable(
  conn: DuckDBConnection,
  options: MilestoneTableOptions,
): Promise<MilestoneTable> {
  const scope = options.scope ?? null;
  await conn.run(sqlFile(new URL('./', import.meta.url), 'milestone-features.sql'), {
    asOf: options.asOf,
    scope: scope ? listValue([...scope]) : null,
    k: options.shrinkK ?? 10,
  });
  const attributes = await discoverAttributes(conn, 'model_features', {
    ...(options.excludeAttributes ? { exclude: options.excludeAttributes } : {}),
  });
  const numericNames = [
    ...milestoneNumericFeatures,
    ...landmarkFeatures,
    ...attributes.filter((a) => a.kind === 'numeric').map((a) => `attr_${a.key}`),
    'time_days',
    'log_ratio',
    'late',
    'disputed',
    'age_days',
    'past_due',
    ...dateColumns.map(([, day]) => day),
  ];
  const params = {
    asOf: options.asOf,
    ids: options.milestoneIds ? listValue([...options.milestoneIds]) : null,
  };
  const cols = await readColumns(
    conn,
    selectSql(
      attributes,
      await textColumns(conn, attributes, options.milestoneIds),
      options.milestoneIds,
    ),
    params,
    numericNames,
  );
  return toTable(cols, attributes);
}

// Dates come back as day numbers and become ISO strings here, one string per distinct day:
// DuckDB's VARCHAR dates cost a UTF-8 decode and a string object per row (5M at 1M rows).
const dateColumns = [
  ['planned_start', 'planned_start_day'],
  ['baseline_due', 'baseline_due_day'],
  ['current_due', 'current_due_day'],
  ['approved_date', 'approved_day'],
  ['first_submitted', 'submitted_day'],
] as const;

function isoDates(days: Float64Array | undefined, n: number): (string | null)[] {
  const cache = new Map<number, string>();
  const out = new Array<string | null>(n).fill(null);
  if (!days) return out;
  for (let i = 0; i < n; i++) {
    const d = days[i]!;
    if (Number.isNaN(d)) continue;
    let iso = cache.get(d);
    if (iso === undefined) cache.set(d, (iso = fromDayNumber(d)));
    out[i] = iso;
  }
  return out;
}

/**
 * The few-valued text columns (output name -> SQL expression), as ENUM casts when the whole
 * table is read: a million rows decode a few dictionaries instead of a string per row each.
 */
async function textColumns(
  conn: DuckDBConnection,
  attributes: AttributeFeature[],
  ids?: readonly string[],
): Promise<Map<string, string>> {
  const exprs = new Map<string, string>(
    ['brand_id', 'partner_id', 'status', ...milestoneCategoricalFeatures].map((c) => [c, c]),
  );
  for (const a of attributes) if (a.kind === 'categorical') exprs.set(`attr_${a.key}`, a.expr);
  return ids ? exprs : enumColumns(conn, 'model_features', exprs);
}

function selectSql(
  attributes: AttributeFeature[],
  text: ReadonlyMap<string, string>,
  ids?: readonly string[],
): string {
  const numeric = [...milestoneNumericFeatures, ...landmarkFeatures].map(
    (f) => `${f}::DOUBLE AS ${f}`,
  );
  const attrs = attributes
    .filter((a) => a.kind === 'numeric')
    .map((a) => `${a.expr}::DOUBLE AS "attr_${a.key}"`);
  const labels = [...text].map(([name, e]) => `${e} AS "${name}"`);
  const idFilter = ids ? 'WHERE list_contains($ids::VARCHAR[], milestone_id)' : '';
  const days = dateColumns.map(([col, day]) => `(${col} - DATE '1970-01-01')::DOUBLE AS ${day}`);
  // ORDER BY names the table's columns: an ENUM's order is not the text order.
  return `SELECT milestone_id, project_id, ${days.join(', ')},
      ${[...labels, ...numeric, ...attrs].join(',\n      ')},
      (planned_start - DATE '1970-01-01')::DOUBLE AS time_days,
      log_ratio::DOUBLE AS log_ratio,
      CASE WHEN late IS NOT NULL THEN late::DOUBLE
           WHEN $asOf::DATE > baseline_due THEN 1.0 END AS late,
      CASE WHEN approved_date IS NOT NULL OR disputed THEN disputed::DOUBLE END AS disputed,
      CASE WHEN approved_date IS NULL AND planned_start < $asOf::DATE
           THEN ($asOf::DATE - planned_start)::DOUBLE END AS age_days,
      ($asOf::DATE > baseline_due)::DOUBLE AS past_due
    FROM model_features f ${idFilter}
    ORDER BY f.planned_start, f.brand_id, f.milestone_id`;
}

function toTable(
  cols: Awaited<ReturnType<typeof readColumns>>,
  attributes: AttributeFeature[],
): MilestoneTable {
  const num = (k: string) => cols.numeric.get(k) ?? new Float64Array(cols.n).fill(NaN);
  const txt = (k: string) => cols.text.get(k) ?? new Array<string | null>(cols.n).fill(null);
  const features: FeatureColumns = { numeric: new Map(), categorical: new Map() };
  for (const f of [...milestoneNumericFeatures, ...landmarkFeatures])
    features.numeric.set(f, num(f));
  for (const f of milestoneCategoricalFeatures)
    features.categorical.set(f, encodeCategorical(txt(f)));
  for (const a of attributes) {
    const name = `attr_${a.key}`;
    if (a.kind === 'numeric') features.numeric.set(name, num(name));
    else features.categorical.set(name, encodeCategorical(txt(name)));
  }
  const plannedDays = num('planned_days');
  const age = num('age_days');
  const censoredAt = Float64Array.from(age, (a, i) =>
    Number.isNaN(a) || !((plannedDays[i] ?? 0) > 0)
      ? NaN
      : Math.log(Math.max(a, 0.5) / (plannedDays[i] ?? 1)),
  );
  const strings = (k: string) => txt(k).map((v) => v ?? '');
  const dates = (k: string) => isoDates(cols.numeric.get(k), cols.n);
  return {
    n: cols.n,
    ids: strings('milestone_id'),
    time: num('time_days'),
    features,
    logRatio: num('log_ratio'),
    late: num('late'),
    disputed: num('disputed'),
    plannedDays,
    censoredAt,
    referenceGroup: strings('milestone_type'),
    attributes,
    meta: {
      brand: strings('brand_id'),
      partner: strings('partner_id'),
      project: strings('project_id'),
      status: strings('status'),
      plannedStart: dates('planned_start_day').map((v) => v ?? ''),
      baselineDue: dates('baseline_due_day').map((v) => v ?? ''),
      currentDue: dates('current_due_day').map((v) => v ?? ''),
      approved: dates('approved_day'),
      submitted: dates('submitted_day'),
    },
  };
}
