// Before the load's transaction opens, right after typing: the staged rows quarantine may need
// (`row_data`), copied into `imp_raw`, so the staging table (as large as the file, as text) can be
// dropped before the merge and the writes instead of spilling to disk next to them (5M rows: the
// staging table is ~1.7 GB, `imp_rows` ~1.2 GB, against a 1 GB memory_limit).

/** The rows with a fault (few, usually): a fact of the file alone. */
export const badRowsSql = `
CREATE OR REPLACE TEMP TABLE imp_bad AS
SELECT __line, __fault FROM imp_rows WHERE __fault IS NOT NULL`;

/** Keys with more than one accepted row in the file: a fact of the file alone. */
export const fileDuplicateKeysSql = `
CREATE OR REPLACE TEMP TABLE imp_dup AS
SELECT milestone_id FROM imp_rows WHERE __fault IS NULL
GROUP BY milestone_id HAVING count(*) > 1`;

/**
 * The staged rows (`raw`: a trusted relation name, the staging table or the joined view) of faulty
 * lines, of rows whose key the file has more than once, and (when the warehouse has milestones) of
 * rows whose key the warehouse has under another brand: the only rows quarantine can take
 * (quarantine-sql.ts). A re-import of a brand's own export keeps none of its rows. The warehouse
 * is read before the transaction opens: loads run one at a time (load-lock.ts) and other writers
 * only add new keys, so at worst a key added in between is quarantined without its `row_data`.
 */
export function keptRawSql(raw: string, warehouseHasMilestones: boolean): string {
  const otherBrand = `
  UNION ALL
  SELECT r.__line FROM imp_rows r JOIN milestones m USING (milestone_id)
  WHERE r.__fault IS NULL AND m.brand_id <> r.brand_id`;
  return `
CREATE OR REPLACE TEMP TABLE imp_raw AS
SELECT * FROM ${raw}
WHERE source_line IN (
  SELECT __line FROM imp_bad
  UNION ALL
  SELECT __line FROM imp_rows
  WHERE __fault IS NULL AND milestone_id IN (SELECT milestone_id FROM imp_dup)${warehouseHasMilestones ? otherBrand : ''}
)`;
}
