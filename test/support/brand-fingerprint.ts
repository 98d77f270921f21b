// A fingerprint of everything a brand owns, to check that a request made for another brand left it
// exactly as it was: every row of a table with a brand column that belongs to the brand, and every
// row (of any brand) that hangs off one of its contracts, projects or milestones; its tokens and
// their sessions; and the model versions, which every brand's forecasts use.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../../pipelines/warehouse/query.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';

const owned: Record<string, string> = {
  brand_id: '$brand',
  contract_id: 'SELECT contract_id FROM contracts WHERE brand_id = $brand',
  project_id: 'SELECT project_id FROM projects WHERE brand_id = $brand',
  milestone_id: 'SELECT milestone_id FROM milestones WHERE brand_id = $brand',
};

async function ownedTables(conn: DuckDBConnection): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ t: string; c: string }>(
    conn,
    `SELECT c.table_name AS t, c.column_name AS c
     FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE t.table_schema = 'main' AND t.table_type = 'BASE TABLE' AND c.column_name IN (${Object.keys(
       owned,
     )
       .map((k) => `'${k}'`)
       .join(', ')})
     ORDER BY 1, 2`,
  );
  const tables = new Map<string, string[]>();
  for (const r of rows) tables.set(r.t, [...(tables.get(r.t) ?? []), r.c]);
  return tables;
}

/** md5 of a query's rows, each as text, in a stable order. */
const digest = (from: string) =>
  `SELECT count(*)::INTEGER AS n, md5(coalesce(string_agg(r::VARCHAR, chr(10) ORDER BY r::VARCHAR), '')) AS h FROM (${from}) r`;

/** Per table, the number and digest of the brand's rows; equal fingerprints, unchanged data. */
export async function brandFingerprint(
  warehouse: Warehouse,
  brand: string,
): Promise<Record<string, string>> {
  return warehouse.withConnection(async (conn) => {
    const parts: Record<string, string> = {};
    const queries: [string, string][] = [...(await ownedTables(conn))].map(([table, cols]) => {
      const where = cols
        .map((c) => (c === 'brand_id' ? `${c} = $brand` : `${c} IN (${owned[c]})`))
        .join(' OR ');
      return [table, `SELECT * FROM "${table}" WHERE ${where}`];
    });
    const tokens = `SELECT token_id FROM api_tokens WHERE list_contains(brands, $brand)`;
    queries.push(
      [
        'api_tokens',
        `SELECT * EXCLUDE (last_used_at) FROM api_tokens WHERE token_id IN (${tokens})`,
      ],
      ['api_sessions', `SELECT * FROM api_sessions WHERE token_id IN (${tokens})`],
      ['models', 'SELECT version FROM models'],
    );
    for (const [name, sql] of queries) {
      const [row] = await queryRows<{ n: number; h: string }>(conn, digest(sql), { brand });
      parts[name] = `${row!.n} ${row!.h}`;
    }
    return parts;
  });
}
