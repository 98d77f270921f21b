import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../parse/sql-quote.ts';
import type { Breakpoint } from './line-map.ts';
import { uniqueTableName, type CreatedTables } from './staging-tables.ts';

/** A TEMP table of line-number breakpoints for the ASOF join in stagingCopySql. */
export async function writeBreakpoints(
  conn: DuckDBConnection,
  tables: CreatedTables,
  breakpoints: readonly Breakpoint[],
): Promise<string> {
  const name = tables.add(uniqueTableName('read_lines'));
  await conn.run(`CREATE TEMP TABLE ${quoteIdent(name)} (row_ BIGINT, delta BIGINT)`);
  const appender = await conn.createAppender(name, 'main', 'temp');
  try {
    for (const b of breakpoints) {
      appender.appendBigInt(BigInt(b.row));
      appender.appendBigInt(BigInt(b.delta));
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
  return name;
}
