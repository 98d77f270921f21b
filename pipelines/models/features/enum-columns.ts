import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../../ingest/parse/sql-quote.ts';
import { queryRow } from '../../warehouse/query.ts';

/**
 * Text columns with few distinct values (brand, partner, status, types, categorical attributes)
 * as ENUM casts of their SQL expressions: DuckDB then sends a small code per row and the client
 * takes the label from the type's dictionary instead of decoding a UTF-8 string per row. The
 * labels read back are the same strings. A column with more than `maxLevels` values (or with a
 * value no literal can hold) stays text. `exprs` maps output names to expressions over `table`.
 */
export async function enumColumns(
  conn: DuckDBConnection,
  table: string,
  exprs: ReadonlyMap<string, string>,
  maxLevels = 4096,
): Promise<Map<string, string>> {
  const names = [...exprs.keys()];
  if (names.length === 0) return new Map();
  const lists = names.map((name, i) => {
    const e = exprs.get(name)!;
    return `CASE WHEN count(DISTINCT ${e}) <= ${maxLevels}
      THEN list(DISTINCT ${e}) FILTER (WHERE ${e} IS NOT NULL) END AS c${i}`;
  });
  const row = await queryRow<Record<string, string[] | null>>(
    conn,
    `SELECT ${lists.join(',\n')} FROM ${table}`,
  );
  const out = new Map<string, string>();
  names.forEach((name, i) => {
    const e = exprs.get(name)!;
    const levels = row?.[`c${i}`];
    const quotable = levels?.every((v) => typeof v === 'string' && !v.includes('\u0000'));
    out.set(
      name,
      levels && levels.length > 0 && quotable
        ? `CAST(${e} AS ENUM (${levels.map(quoteLiteral).join(', ')}))`
        : e,
    );
  });
  return out;
}
