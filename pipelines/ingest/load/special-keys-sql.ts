// The careful path of the merge, for the few keys that need it: keys with several rows in the file
// (versions, copies, clashes) and keys the warehouse already has. Every other accepted row is a
// plain insert and never goes through window functions or hashing. $load is a parameter.

/** Columns of a milestone that a newer export may change (baseline_due never changes). */
const compared = [
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

/**
 * Keys with more than one accepted row (`imp_dup`, keep-raw-sql.ts), and (when asked) keys already
 * in the warehouse: found here, inside the load's transaction.
 */
export function specialKeysSql(warehouseHasMilestones: boolean): string {
  const existing = warehouseHasMilestones
    ? `
UNION
SELECT milestone_id FROM milestones
WHERE milestone_id IN (SELECT milestone_id FROM imp_rows WHERE __fault IS NULL)`
    : '';
  return `
CREATE OR REPLACE TEMP TABLE imp_keys AS
SELECT milestone_id FROM imp_dup${existing}`;
}

export const specialSteps = {
  /** Rows of one key in version order (file order without versions), with the previous row's hash. */
  hashed: `
CREATE OR REPLACE TEMP TABLE imp_hashed AS
SELECT *,
  lag(__hash) OVER w AS __prev_hash,
  row_number() OVER w AS __rn,
  count(*) OVER (PARTITION BY milestone_id) AS __n,
  first_value(baseline_due) OVER w AS __first_due
FROM (
  SELECT o.* EXCLUDE (__fault), ${contentHash('o')} AS __hash FROM imp_rows o
  WHERE o.__fault IS NULL AND o.milestone_id IN (SELECT milestone_id FROM imp_keys)
)
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

  /** What each row does: the first of a key against the warehouse, later ones against the row before. */
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
  WHERE m.milestone_id IN (SELECT milestone_id FROM imp_keys)
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
SELECT h.* EXCLUDE (__hash, __prev_hash, __rn, __n, __first_due) REPLACE (h.__first_due AS baseline_due)
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
  SELECT * EXCLUDE (__hash, __prev_hash, __rn, __n, __first_due) FROM imp_hashed
  WHERE __rn < __n AND milestone_id IN (SELECT milestone_id FROM imp_final)
) x`,
};
