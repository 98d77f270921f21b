// SQL of the merge step, run in order inside the load's transaction. Every statement reads the
// temp tables the previous ones made; $load, $file are parameters.

/** Columns of a milestone that a newer export may change (baseline_due never changes). */
const mutable = [
  'project_id',
  'contract_id',
  'partner_id',
  'name',
  'type',
  'acceptance_criteria',
  'planned_start',
  'actual_start',
  'current_due',
  'amount',
  'status',
  'attributes',
] as const;

const compared = [
  ...mutable,
  'submitted_date',
  'approved_date',
  'paid_date',
  'dispute_opened',
  'dispute_reason',
] as const;

/** A hash of what a load may change, over columns of the alias `a` (same in file and warehouse). */
function contentHash(a: string): string {
  const value = (c: string) =>
    c === 'amount'
      ? `round(${a}.amount::DOUBLE, 2)`
      : c === 'attributes'
        ? `${a}.attributes::VARCHAR`
        : `${a}.${c}`;
  return `hash(struct_pack(${compared.map((c) => `${c} := ${value(c)}`).join(', ')}))`;
}

export const mergeSteps = {
  /** Fault-free rows with a content hash; quarantined ones go to the quarantine table. */
  quarantineFaults: `
INSERT INTO quarantine
SELECT $load, $file, __line, __fault.rule, __fault.col, __fault.val, __fault.msg, to_json(__raw)
FROM imp_rows WHERE __fault IS NOT NULL`,

  okRows: (attributeSql: string) => `
CREATE OR REPLACE TEMP TABLE imp_ok AS
SELECT * EXCLUDE (__fault), ${attributeSql} AS attributes FROM imp_rows WHERE __fault IS NULL`,

  /** Rows of one key in version order (file order without versions), with the previous row's hash. */
  hashed: `
CREATE OR REPLACE TEMP TABLE imp_hashed AS
SELECT *,
  lag(__hash) OVER w AS __prev_hash,
  row_number() OVER w AS __rn,
  count(*) OVER (PARTITION BY milestone_id) AS __n,
  first_value(baseline_due) OVER w AS __first_due
FROM (SELECT o.*, ${contentHash('o')} AS __hash FROM imp_ok o)
WINDOW w AS (PARTITION BY milestone_id ORDER BY __version NULLS FIRST, __line)`,

  /** Keys with two different rows for the same version (or no versions), or owned by another brand. */
  conflicts: `
CREATE OR REPLACE TEMP TABLE imp_conflict AS
WITH per_key AS (
  SELECT milestone_id, count(*)::INTEGER AS n, list(__line ORDER BY __line) AS lines,
         count(DISTINCT brand_id) AS brands, any_value(brand_id) AS brand_id
  FROM imp_hashed GROUP BY milestone_id
),
clash AS (
  SELECT DISTINCT milestone_id FROM imp_hashed
  GROUP BY milestone_id, __version HAVING count(DISTINCT __hash) > 1
)
SELECT k.milestone_id, k.n, k.lines,
       CASE WHEN k.brands > 1 OR m.brand_id <> k.brand_id THEN 'key_of_other_brand' ELSE 'duplicate_key' END AS rule
FROM per_key k LEFT JOIN milestones m USING (milestone_id)
WHERE k.milestone_id IN (SELECT milestone_id FROM clash) OR k.brands > 1 OR m.brand_id <> k.brand_id`,

  quarantineConflicts: `
INSERT INTO quarantine
SELECT $load, $file, h.__line, c.rule, NULL, h.milestone_id,
       CASE c.rule WHEN 'duplicate_key'
         THEN 'milestone id ' || h.milestone_id || ' appears ' || c.n || ' times with different values (lines '
              || array_to_string(c.lines[1:5], ', ') || CASE WHEN c.n > 5 THEN ', ...' ELSE '' END || ')'
         ELSE 'milestone id ' || h.milestone_id || ' belongs to another brand' END,
       to_json(h.__raw)
FROM imp_hashed h JOIN imp_conflict c USING (milestone_id)`,

  /** What each accepted row does: the first of a key against the warehouse, later ones against the row before. */
  classify: `
CREATE OR REPLACE TEMP TABLE imp_class AS
WITH cur AS (
  SELECT m.*, s.event_date AS submitted_date, a.event_date AS approved_date, p.paid_date,
         d.opened_date AS dispute_opened, d.reason AS dispute_reason
  FROM milestones m
  LEFT JOIN milestone_events s ON s.event_id = m.milestone_id || ':submitted'
  LEFT JOIN milestone_events a ON a.event_id = m.milestone_id || ':approved'
  LEFT JOIN payments p ON p.payment_id = m.milestone_id || ':paid'
  LEFT JOIN disputes d ON d.dispute_id = m.milestone_id || ':dispute'
  WHERE m.milestone_id IN (SELECT milestone_id FROM imp_hashed)
)
SELECT h.milestone_id, h.__line, h.__rn, h.__n,
       CASE WHEN h.__rn > 1 THEN CASE WHEN h.__hash = h.__prev_hash THEN 'unchanged' ELSE 'updated' END
            WHEN c.milestone_id IS NULL THEN 'inserted'
            WHEN ${contentHash('c')} = h.__hash THEN 'unchanged'
            ELSE 'updated' END AS outcome
FROM imp_hashed h LEFT JOIN cur c USING (milestone_id)
WHERE h.milestone_id NOT IN (SELECT milestone_id FROM imp_conflict)`,

  /** The row each written key ends with: its last version, with the first version's baseline. */
  finalRows: `
CREATE OR REPLACE TEMP TABLE imp_final AS
SELECT h.* REPLACE (h.__first_due AS baseline_due)
FROM imp_hashed h
WHERE h.__rn = h.__n
  AND h.milestone_id IN (SELECT milestone_id FROM imp_class WHERE outcome IN ('inserted', 'updated'))`,

  /** Versions a load replaces: the warehouse's row of a written key, and the file's earlier versions. */
  history: `
INSERT INTO milestone_history
SELECT m.milestone_id, $load, now(), to_json(m)
FROM milestones m WHERE m.milestone_id IN (SELECT milestone_id FROM imp_final)
UNION ALL
SELECT x.milestone_id, $load, now(), to_json(x)
FROM (
  SELECT * EXCLUDE (__raw, __hash, __prev_hash, __rn, __n, __first_due) FROM imp_hashed
  WHERE __rn < __n AND milestone_id IN (SELECT milestone_id FROM imp_final)
) x`,

  brands: `
INSERT INTO brands (brand_id, name, load_id)
SELECT DISTINCT brand_id, brand_id, $load FROM imp_final ON CONFLICT DO NOTHING`,

  partners: `
INSERT INTO partners (partner_id, name, kind, city, load_id)
SELECT partner_id, arg_min(partner_name, __line), arg_min(partner_kind, __line), arg_min(partner_city, __line), $load
FROM imp_final GROUP BY partner_id ON CONFLICT DO NOTHING`,

  contracts: `
INSERT INTO contracts (contract_id, brand_id, partner_id, pricing_model, value, currency, signed_date,
                       payment_terms_days, load_id)
SELECT contract_id, arg_min(brand_id, __line), arg_min(partner_id, __line), arg_min(pricing_model, __line),
       sum(amount), arg_min(currency, __line), coalesce(min(planned_start), min(baseline_due)), 30, $load
FROM imp_final GROUP BY contract_id ON CONFLICT DO NOTHING`,

  projects: `
INSERT INTO projects (project_id, contract_id, brand_id, name, start_date, load_id)
SELECT project_id, arg_min(contract_id, __line), arg_min(brand_id, __line), arg_min(project_name, __line),
       min(planned_start), $load
FROM imp_final GROUP BY project_id ON CONFLICT DO NOTHING`,

  /** New and changed milestones; the baseline due date of an existing one is kept as signed. */
  milestones: `
INSERT INTO milestones (milestone_id, project_id, contract_id, brand_id, partner_id, name, type,
  acceptance_criteria, planned_start, actual_start, baseline_due, current_due, amount, share, status,
  attributes, load_id, source_file, source_line)
SELECT f.milestone_id, f.project_id, f.contract_id, f.brand_id, f.partner_id, f.name, f.type,
  f.acceptance_criteria, f.planned_start, f.actual_start, f.baseline_due, f.current_due, f.amount, 0,
  f.status, f.attributes, $load, $file, f.__line
FROM imp_final f
ON CONFLICT (milestone_id) DO UPDATE SET
  project_id = EXCLUDED.project_id, contract_id = EXCLUDED.contract_id, partner_id = EXCLUDED.partner_id,
  name = EXCLUDED.name, type = EXCLUDED.type, acceptance_criteria = EXCLUDED.acceptance_criteria,
  planned_start = EXCLUDED.planned_start, actual_start = EXCLUDED.actual_start,
  current_due = EXCLUDED.current_due, amount = EXCLUDED.amount, status = EXCLUDED.status,
  attributes = EXCLUDED.attributes, load_id = EXCLUDED.load_id, source_file = EXCLUDED.source_file,
  source_line = EXCLUDED.source_line`,

  events: `
INSERT INTO milestone_events (event_id, milestone_id, kind, event_date, actor, load_id)
SELECT milestone_id || ':' || kind, milestone_id, kind, event_date, NULL, $load
FROM (
  SELECT milestone_id, 'submitted' AS kind, submitted_date AS event_date FROM imp_final
  UNION ALL SELECT milestone_id, 'approved', approved_date FROM imp_final
) WHERE event_date IS NOT NULL
ON CONFLICT (event_id) DO UPDATE SET event_date = EXCLUDED.event_date, load_id = EXCLUDED.load_id`,

  payments: `
INSERT INTO payments (payment_id, contract_id, brand_id, milestone_id, kind, amount, currency, paid_date, load_id)
SELECT milestone_id || ':paid', contract_id, brand_id, milestone_id, 'milestone', amount, currency, paid_date, $load
FROM imp_final WHERE paid_date IS NOT NULL
ON CONFLICT (payment_id) DO UPDATE SET paid_date = EXCLUDED.paid_date, amount = EXCLUDED.amount,
  load_id = EXCLUDED.load_id`,

  disputes: `
INSERT INTO disputes (dispute_id, milestone_id, brand_id, opened_date, reason, amount, load_id)
SELECT milestone_id || ':dispute', milestone_id, brand_id, dispute_opened, coalesce(dispute_reason, 'other'),
       coalesce(dispute_amount, 0), $load
FROM imp_final WHERE dispute_opened IS NOT NULL
ON CONFLICT (dispute_id) DO UPDATE SET opened_date = EXCLUDED.opened_date, reason = EXCLUDED.reason,
  amount = EXCLUDED.amount, load_id = EXCLUDED.load_id`,
};
