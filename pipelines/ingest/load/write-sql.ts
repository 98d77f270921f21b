import type { MappableField } from '../mapping/mapping-schema.ts';

// The statements that write core tables, all from the view `imp_written`: one row per key the
// load writes. $load and $file are parameters.

/**
 * The rows to write: accepted rows of keys that are new and single (straight from `imp_rows`,
 * no copy), plus the final rows the careful path chose (special-keys-sql.ts).
 */
export function writtenViewSql(columns: readonly string[], special: boolean): string {
  const cols = ['__line', ...columns, 'attributes'].join(', ');
  const plain = `SELECT ${cols} FROM imp_rows WHERE __fault IS NULL`;
  return `CREATE OR REPLACE TEMP VIEW imp_written AS
${
  special
    ? `${plain} AND milestone_id NOT IN (SELECT milestone_id FROM imp_keys)
UNION ALL SELECT ${cols} FROM imp_final`
    : plain
}`;
}

/** Accepted rows that are plain inserts (the careful path counts the others itself). */
export function plainInsertsSql(special: boolean): string {
  return `SELECT count(*)::INTEGER AS n FROM imp_rows WHERE __fault IS NULL${
    special ? ' AND milestone_id NOT IN (SELECT milestone_id FROM imp_keys)' : ''
  }`;
}

/**
 * Keys the table does not have yet: a dimension row is written once, by the first load that has it
 * (an anti-join, then a plain INSERT; the keys are never NULL, compile-mapping.ts).
 */
const absent = (key: string, table: string) => `${key} NOT IN (SELECT ${key} FROM ${table})`;

const brands = `
INSERT INTO brands (brand_id, name, load_id)
SELECT DISTINCT brand_id, brand_id, $load FROM imp_written WHERE ${absent('brand_id', 'brands')}`;

const partners = `
INSERT INTO partners (partner_id, name, kind, city, load_id)
SELECT partner_id, arg_min(partner_name, __line), arg_min(partner_kind, __line), arg_min(partner_city, __line), $load
FROM imp_written WHERE ${absent('partner_id', 'partners')} GROUP BY partner_id`;

const contracts = `
INSERT INTO contracts (contract_id, brand_id, partner_id, pricing_model, value, currency, signed_date,
                       payment_terms_days, load_id)
SELECT contract_id, arg_min(brand_id, __line), arg_min(partner_id, __line), arg_min(pricing_model, __line),
       sum(amount), arg_min(currency, __line), coalesce(min(planned_start), min(baseline_due)), 30, $load
FROM imp_written WHERE ${absent('contract_id', 'contracts')} GROUP BY contract_id`;

const projects = `
INSERT INTO projects (project_id, contract_id, brand_id, name, start_date, load_id)
SELECT project_id, arg_min(contract_id, __line), arg_min(brand_id, __line), arg_min(project_name, __line),
       min(planned_start), $load
FROM imp_written WHERE ${absent('project_id', 'projects')} GROUP BY project_id`;

const milestoneColumns = `milestone_id, project_id, contract_id, brand_id, partner_id, name, type,
  acceptance_criteria, planned_start, actual_start, baseline_due, current_due, amount, share, status,
  attributes, load_id, source_file, source_line`;

const milestoneValues = `f.milestone_id, f.project_id, f.contract_id, f.brand_id, f.partner_id, f.name, f.type,
  f.acceptance_criteria, f.planned_start, f.actual_start, f.baseline_due, f.current_due, f.amount, 0,
  f.status, f.attributes, $load, $file, f.__line`;

/** Every written row is a new key (no careful path): one plain INSERT. */
const insertMilestones = `
INSERT INTO milestones (${milestoneColumns})
SELECT ${milestoneValues}
FROM imp_written f`;

// `milestones` has no key constraint (data/schema/005): the careful path updates the keys the
// warehouse has and inserts the others, so each key keeps exactly one row.

/** Written keys the warehouse already has (only the careful path's final rows can be such). */
const existingKeys = `
CREATE OR REPLACE TEMP TABLE imp_existing AS
SELECT DISTINCT milestone_id FROM milestones
WHERE milestone_id IN (SELECT milestone_id FROM imp_final)`;

/** A changed milestone keeps its baseline due date as signed (and its brand, checked before). */
const updateMilestones = `
UPDATE milestones AS m SET
  project_id = f.project_id, contract_id = f.contract_id, partner_id = f.partner_id,
  name = f.name, type = f.type, acceptance_criteria = f.acceptance_criteria,
  planned_start = f.planned_start, actual_start = f.actual_start,
  current_due = f.current_due, amount = f.amount, status = f.status,
  attributes = f.attributes, load_id = $load, source_file = $file, source_line = f.__line
FROM imp_final f
WHERE m.milestone_id = f.milestone_id AND f.milestone_id IN (SELECT milestone_id FROM imp_existing)`;

const insertNewMilestones = `${insertMilestones}
WHERE f.milestone_id NOT IN (SELECT milestone_id FROM imp_existing)`;

/** New and changed milestones; when every written key is new, a plain INSERT is all it takes. */
const milestones = (special: boolean) =>
  special ? [existingKeys, updateMilestones, insertNewMilestones] : [insertMilestones];

const events = `
INSERT INTO milestone_events (event_id, milestone_id, kind, event_date, actor, load_id)
SELECT milestone_id || ':' || kind, milestone_id, kind, event_date, NULL, $load
FROM (
  SELECT milestone_id, 'submitted' AS kind, submitted_date AS event_date FROM imp_written
  UNION ALL SELECT milestone_id, 'approved', approved_date FROM imp_written
) WHERE event_date IS NOT NULL
ON CONFLICT (event_id) DO UPDATE SET event_date = EXCLUDED.event_date, load_id = EXCLUDED.load_id`;

const payments = `
INSERT INTO payments (payment_id, contract_id, brand_id, milestone_id, kind, amount, currency, paid_date, load_id)
SELECT milestone_id || ':paid', contract_id, brand_id, milestone_id, 'milestone', amount, currency, paid_date, $load
FROM imp_written WHERE paid_date IS NOT NULL
ON CONFLICT (payment_id) DO UPDATE SET paid_date = EXCLUDED.paid_date, amount = EXCLUDED.amount,
  load_id = EXCLUDED.load_id`;

const disputes = `
INSERT INTO disputes (dispute_id, milestone_id, brand_id, opened_date, reason, amount, load_id)
SELECT milestone_id || ':dispute', milestone_id, brand_id, dispute_opened, coalesce(dispute_reason, 'other'),
       coalesce(dispute_amount, 0), $load
FROM imp_written WHERE dispute_opened IS NOT NULL
ON CONFLICT (dispute_id) DO UPDATE SET opened_date = EXCLUDED.opened_date, reason = EXCLUDED.reason,
  amount = EXCLUDED.amount, load_id = EXCLUDED.load_id`;

/**
 * The writes in order (`special`: the careful path ran, so some keys may exist). Events, payments and disputes come only from fields of their own, so a
 * mapping that fills none of them skips the scan (it would write nothing).
 */
export function writeSteps(mapped: ReadonlySet<MappableField>, special: boolean): string[] {
  return [
    brands,
    partners,
    contracts,
    projects,
    ...milestones(special),
    ...(mapped.has('submittedDate') || mapped.has('approvedDate') ? [events] : []),
    ...(mapped.has('paidDate') ? [payments] : []),
    ...(mapped.has('disputeOpened') ? [disputes] : []),
  ];
}
