import { readFileSync } from 'node:fs';

const cache = new Map<string, string>();

/** Reads a .sql file that sits next to the calling module (cached: files don't change at run time). */
export function sqlFile(base: string | URL, name: string): string {
  const url = new URL(name, base);
  const key = url.href;
  let sql = cache.get(key);
  if (sql === undefined) {
    sql = readFileSync(url, 'utf8');
    cache.set(key, sql);
  }
  return sql;
}
