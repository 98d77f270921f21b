// A row may name a contract or a project that belongs to another brand: one the warehouse has
// under another brand, or (when the brand comes from a column) one whose first row in this file
// is another brand's (the dimension writes give a key to the brand of its first row,
// write-sql.ts). Such a row would put one brand's milestone into another brand's contract or
// project, and let each see the other's: it is quarantined as `key_of_other_brand` instead, like
// a milestone id another brand owns (special-keys-sql.ts). Runs after typing, before the faulty
// rows' staged rows are kept (keep-raw-sql.ts), so quarantine has their `row_data`.

const keys = [
  { column: 'contract_id', table: 'contracts', noun: 'contract' },
  { column: 'project_id', table: 'projects', noun: 'project' },
] as const;

type Key = (typeof keys)[number];

/** Accepted rows whose key the warehouse has under another brand. */
function inWarehouse(k: Key, order: number): string {
  return `
  SELECT r.__line, r.${k.column} AS val, ${order} AS ord,
         '${k.noun} id ' || r.${k.column} || ' belongs to another brand' AS msg
  FROM imp_rows r JOIN ${k.table} t ON t.${k.column} = r.${k.column}
  WHERE r.__fault IS NULL AND t.brand_id <> r.brand_id`;
}

/** Accepted rows whose key this file gives to another brand first (cheap when there are none). */
function inFile(k: Key, order: number): string {
  return `
  SELECT r.__line, r.${k.column} AS val, ${order} AS ord,
         '${k.noun} id ' || r.${k.column} || ' belongs to another brand (brand ' || f.owner
         || ', line ' || f.first_line || ')' AS msg
  FROM imp_rows r JOIN (
    SELECT ${k.column}, arg_min(brand_id, __line) AS owner, min(__line) AS first_line
    FROM imp_rows WHERE __fault IS NULL AND ${k.column} IN (
      SELECT ${k.column} FROM imp_rows WHERE __fault IS NULL
      GROUP BY ${k.column} HAVING min(brand_id) <> max(brand_id)
    )
    GROUP BY ${k.column}
  ) f USING (${k.column})
  WHERE r.__fault IS NULL AND r.brand_id <> f.owner`;
}

/**
 * The statement that marks those rows faulty in `imp_rows_stored` (one reason per row, the
 * contract's first), or undefined when there is nothing to check: the warehouse has no contract or
 * project yet and the file has one brand only.
 */
export function otherBrandKeysSql(checks: {
  warehouse: boolean;
  file: boolean;
}): string | undefined {
  const parts = [
    ...(checks.warehouse ? keys.map((k, i) => inWarehouse(k, i)) : []),
    ...(checks.file ? keys.map((k, i) => inFile(k, i)) : []),
  ];
  if (parts.length === 0) return undefined;
  return `
UPDATE imp_rows_stored AS s
SET __fault = struct_pack(rule := 'key_of_other_brand', col := NULL::VARCHAR, val := o.val, msg := o.msg)
FROM (
  SELECT __line, arg_min(val, ord) AS val, arg_min(msg, ord) AS msg
  FROM (${parts.join('\n  UNION ALL')}
  ) GROUP BY __line
) o
WHERE s.__line = o.__line AND s.__fault IS NULL`;
}

/** Whether the warehouse has any contract or project another load could own. */
export const warehouseHasDimsSql = `
SELECT (EXISTS (SELECT 1 FROM contracts) OR EXISTS (SELECT 1 FROM projects)) AS has`;
