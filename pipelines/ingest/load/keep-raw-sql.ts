import { quoteLiteral } from '../parse/index.ts';

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
 * The lines of rows whose key the file has more than once, and (when the warehouse has milestones)
 * of rows whose key the warehouse has under another brand; with `faulty`, the faulty lines too.
 * Their staged rows are the only ones quarantine can take (quarantine-sql.ts). A re-import of a
 * brand's own export has none but its faulty lines. The warehouse is read before the transaction
 * opens: loads run one at a time (load-lock.ts) and other writers only add new keys, so at worst
 * a key added in between is quarantined without its `row_data`.
 */
export function rawLinesSql(
  warehouseHasMilestones: boolean,
  faulty: boolean,
  fusedFaultyWithoutRaw = false,
): string {
  const otherBrand = `
  UNION ALL
  SELECT r.__line FROM imp_rows r JOIN milestones m USING (milestone_id)
  WHERE r.__fault IS NULL AND m.brand_id <> r.brand_id`;
  // After a fused read, rows found faulty after the typing (other-brand-keys-sql.ts) kept no JSON.
  const late = `
  UNION ALL
  SELECT __line FROM imp_rows_stored WHERE __fault IS NOT NULL AND __bad_raw IS NULL`;
  return `${faulty ? 'SELECT __line FROM imp_bad\n  UNION ALL\n  ' : ''}SELECT __line FROM imp_rows
  WHERE __fault IS NULL AND milestone_id IN (SELECT milestone_id FROM imp_dup)${warehouseHasMilestones ? otherBrand : ''}${fusedFaultyWithoutRaw ? late : ''}`;
}

/** The staged rows (`raw`: a trusted relation name, the staging table or the joined view) of rawLinesSql. */
export function keptRawSql(raw: string, warehouseHasMilestones: boolean): string {
  return `
CREATE OR REPLACE TEMP TABLE imp_raw AS
SELECT * FROM ${raw}
WHERE source_line IN (
  ${rawLinesSql(warehouseHasMilestones, true)}
)`;
}

/**
 * A fused read has no staging table: its faulty rows kept their staged row as JSON (`__bad_raw`,
 * typed-rows.sql.ts), made back into the staging table's columns here (`columns`: the source
 * columns, in order) with the line set. The other rows quarantine may need are added from a
 * second read of the file, when there are any (addKeptRawSql).
 */
export function fusedRawSql(columns: readonly string[]): string {
  const structure = JSON.stringify(
    Object.fromEntries([['source_line', 'BIGINT'], ...columns.map((c) => [c, 'VARCHAR'])]),
  );
  return `
CREATE OR REPLACE TEMP TABLE imp_raw AS
SELECT * EXCLUDE (__milepost_line) REPLACE (__milepost_line AS source_line) FROM (
  SELECT __line AS __milepost_line, unnest(json_transform(__bad_raw, ${quoteLiteral(structure)}))
  FROM imp_rows_stored WHERE __bad_raw IS NOT NULL
)`;
}

/**
 * After a fused read: the staged rows of the lines quarantine may need other than those typing
 * found faulty (they kept theirs as JSON), into `imp_raw`.
 */
export function addKeptRawSql(raw: string, warehouseHasMilestones: boolean): string {
  return `
INSERT INTO imp_raw
SELECT * FROM ${raw}
WHERE source_line IN (
  ${rawLinesSql(warehouseHasMilestones, false, true)}
)`;
}
