import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../../ingest/parse/sql-quote.ts';
import { queryRows } from '../../warehouse/query.ts';

/** An imported extra attribute usable as a model feature. */
export interface AttributeFeature {
  key: string;
  kind: 'numeric' | 'categorical';
  /** The SQL expression reading it from `attributes` (the key is quoted as a literal). */
  expr: string;
}

interface KeyStats {
  k: string;
  n: number;
  n_num: number;
  levels: number;
}

/**
 * Finds the attribute keys present on at least `minShare` of the rows of `table`: numeric when
 * nearly every value parses as a number, categorical when the levels are few enough to learn from.
 * Free-text keys (one level per row) are left out. `exclude` names outcome columns that would leak.
 */
export async function discoverAttributes(
  conn: DuckDBConnection,
  table: string,
  options: { minShare?: number; maxLevels?: number; exclude?: readonly string[] } = {},
): Promise<AttributeFeature[]> {
  const minShare = options.minShare ?? 0.5;
  const maxLevels = options.maxLevels ?? 200;
  const exclude = new Set(options.exclude ?? []);
  const rows = await queryRows<KeyStats & { total: number }>(
    conn,
    `WITH keyed AS (SELECT attributes, unnest(json_keys(attributes)) AS k FROM ${table}
                    WHERE attributes IS NOT NULL)
     SELECT k, count(*)::INTEGER AS n,
            count(TRY_CAST(attributes->>k AS DOUBLE))::INTEGER AS n_num,
            count(DISTINCT attributes->>k)::INTEGER AS levels,
            (SELECT count(*) FROM ${table})::INTEGER AS total
     FROM keyed GROUP BY k ORDER BY k`,
  );
  const out: AttributeFeature[] = [];
  for (const r of rows) {
    // Keys that look like JSON paths ('$...') would be read as paths, not names: skip them.
    if (exclude.has(r.k) || !/^[A-Za-z_][\w ]*$/.test(r.k) || r.n < minShare * r.total) continue;
    const path = quoteLiteral(r.k);
    if (r.n_num >= 0.98 * r.n) {
      out.push({ key: r.k, kind: 'numeric', expr: `TRY_CAST(attributes->>${path} AS DOUBLE)` });
    } else if (r.levels <= maxLevels) {
      out.push({ key: r.k, kind: 'categorical', expr: `attributes->>${path}` });
    }
  }
  return out;
}
