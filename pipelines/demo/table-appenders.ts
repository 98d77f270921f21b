// DuckDB appenders for the demo tables. An appender writes every column of the table in order,
// so the plan for each table is read from the warehouse itself: spec columns where the names
// match, the load id in load_id, NULL in any other column (e.g. source_file, or a column a later
// migration adds). Money goes in as DOUBLE: appendDecimal is ~20x slower (architecture.md).
import { DuckDBDateValue } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { cachedDayOf } from './day-number.ts';
import { demoTableNames, demoTableSpecs } from './demo-tables.ts';
import type { CellValue, ColumnKind, DemoTableName, TableRows, TableSpec } from './demo-tables.ts';

type Slot =
  { readonly kind: ColumnKind; readonly get: (row: never) => CellValue } | 'load_id' | 'null';

interface TableAppender {
  readonly appender: DuckDBAppender;
  readonly slots: readonly Slot[];
}

export interface DemoAppenders {
  append(tables: readonly TableRows[]): void;
  flush(): void;
  close(): void;
  /** Closes every appender after a failure, ignoring errors (the transaction is rolled back). */
  abandon(): void;
  /** Rows appended so far, per table. */
  readonly counts: Record<DemoTableName, number>;
}

const dateValues = new Map<string, DuckDBDateValue>();
function dateValue(iso: string): DuckDBDateValue {
  let v = dateValues.get(iso);
  if (!v) dateValues.set(iso, (v = new DuckDBDateValue(cachedDayOf(iso))));
  return v;
}

function appendCell(a: DuckDBAppender, kind: ColumnKind, value: CellValue): void {
  if (value === null) a.appendNull();
  else if (kind === 'varchar' || kind === 'json') a.appendVarchar(value as string);
  else if (kind === 'date') a.appendDate(dateValue(value as string));
  else if (kind === 'integer') a.appendInteger(value as number);
  else a.appendDouble(value as number);
}

async function slotsFor(conn: DuckDBConnection, spec: TableSpec<never>): Promise<Slot[]> {
  const reader = await conn.runAndReadAll(
    `SELECT column_name FROM information_schema.columns
     WHERE table_name = $t AND table_schema = current_schema() ORDER BY ordinal_position`,
    { t: spec.table },
  );
  const names = reader.getRows().map((r) => String(r[0]));
  const missing = spec.columns.filter((c) => !names.includes(c.name)).map((c) => c.name);
  if (missing.length > 0)
    throw new Error(`table ${spec.table} has no column(s) ${missing.join(', ')}`);
  return names.map((name): Slot => {
    const column = spec.columns.find((c) => c.name === name);
    return column
      ? { kind: column.kind, get: column.get }
      : name === 'load_id'
        ? 'load_id'
        : 'null';
  });
}

function appendRows(t: TableAppender, rows: readonly unknown[], loadId: string): void {
  const { appender, slots } = t;
  for (const row of rows) {
    for (const slot of slots) {
      if (slot === 'load_id') appender.appendVarchar(loadId);
      else if (slot === 'null') appender.appendNull();
      else appendCell(appender, slot.kind, slot.get(row as never));
    }
    appender.endRow();
  }
}

function closeQuietly(tables: Iterable<TableAppender>): void {
  for (const t of tables) {
    try {
      t.appender.closeSync();
    } catch {
      // Only called on failure: the transaction is rolled back and the rows discarded anyway.
    }
  }
}

async function openTables(conn: DuckDBConnection): Promise<Map<string, TableAppender>> {
  const tables = new Map<string, TableAppender>();
  try {
    for (const name of demoTableNames) {
      const spec = demoTableSpecs[name];
      const slots = await slotsFor(conn, spec);
      tables.set(spec.table, { slots, appender: await conn.createAppender(spec.table) });
    }
    return tables;
  } catch (err) {
    closeQuietly(tables.values());
    throw err;
  }
}

export async function openDemoAppenders(
  conn: DuckDBConnection,
  loadId: string,
): Promise<DemoAppenders> {
  const tables = await openTables(conn);
  const counts = Object.fromEntries(demoTableNames.map((n) => [n, 0])) as Record<
    DemoTableName,
    number
  >;
  return {
    counts,
    append(list) {
      for (const { spec, rows } of list) {
        const t = tables.get(spec.table);
        if (!t) throw new Error(`no appender for ${spec.table}`);
        appendRows(t, rows, loadId);
        counts[spec.table as DemoTableName] += rows.length;
      }
    },
    flush: () => tables.forEach((t) => t.appender.flushSync()),
    close: () => tables.forEach((t) => t.appender.closeSync()),
    abandon: () => closeQuietly(tables.values()),
  };
}
