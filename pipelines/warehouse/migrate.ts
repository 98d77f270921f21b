import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';

const schemaDir = fileURLToPath(new URL('../../data/schema/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered migrations `NNN_name.sql` in data/schema, in order. */
export function listMigrations(dir: string = schemaDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 3)),
      name: f.replace(/\.sql$/, ''),
      sql: readFileSync(`${dir}/${f}`, 'utf8'),
    }));
}

/** Applies the migrations not yet recorded, each in its own transaction. Returns those applied. */
export async function applyMigrations(
  conn: DuckDBConnection,
  migrations: Migration[] = listMigrations(),
): Promise<string[]> {
  await conn.run(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
       version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT now())`,
  );
  const done = await conn.runAndReadAll('SELECT version FROM schema_migrations');
  const applied = new Set(done.getRows().map((r) => Number(r[0])));
  const names: string[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await conn.run('BEGIN TRANSACTION');
    try {
      await conn.run(m.sql);
      await conn.run('INSERT INTO schema_migrations (version, name) VALUES ($v, $n)', {
        v: m.version,
        n: m.name,
      });
      await conn.run('COMMIT');
    } catch (err) {
      await conn.run('ROLLBACK');
      throw new Error(`migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
    }
    names.push(m.name);
  }
  return names;
}
