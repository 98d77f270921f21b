import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent } from '../parse/sql-quote.ts';
import { SOURCE_LINE } from './column-names.ts';
import { tableKind } from './staging-tables.ts';

/** Creates the staging table for records that arrive in JS: `source_line BIGINT` + VARCHARs. */
export async function createVarcharTable(
  conn: DuckDBConnection,
  name: string,
  columns: readonly string[],
  temp: boolean,
): Promise<void> {
  const defs = [`${SOURCE_LINE} BIGINT`, ...columns.map((c) => `${quoteIdent(c)} VARCHAR`)];
  await conn.run(`CREATE ${tableKind(temp)} ${quoteIdent(name)} (${defs.join(', ')})`);
}

/** Appends `[source_line, ...values]` rows; values beyond the width are ignored, missing are NULL. */
export class RowAppender {
  private count = 0;

  private constructor(
    private readonly appender: DuckDBAppender,
    private readonly width: number,
  ) {}

  static async open(
    conn: DuckDBConnection,
    table: string,
    width: number,
    temp: boolean,
  ): Promise<RowAppender> {
    const appender = await conn.createAppender(table, 'main', temp ? 'temp' : null);
    return new RowAppender(appender, width);
  }

  append(line: number, values: readonly (string | null | undefined)[]): void {
    this.appender.appendBigInt(BigInt(line));
    for (let i = 0; i < this.width; i++) {
      const v = values[i];
      if (v === null || v === undefined) this.appender.appendNull();
      else this.appender.appendVarchar(v);
    }
    this.appender.endRow();
    this.count += 1;
  }

  get rows(): number {
    return this.count;
  }

  close(): void {
    this.appender.flushSync();
    this.appender.closeSync();
  }
}
