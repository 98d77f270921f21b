import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { JOIN_ROWS } from '../compile/compile-mapping.ts';
import type { JoinSpec } from '../mapping/mapping-schema.ts';
import { quoteIdent } from '../parse/index.ts';
import { stageFile, type StageResult } from '../read/index.ts';
import { ImportError } from './import-error.ts';

export interface JoinedRows {
  /** View the typed rows read: the first file's rows with the second file's columns and JOIN_ROWS. */
  relation: string;
  /** The same without JOIN_ROWS: what quarantine keeps as the row read. */
  rawRelation: string;
  columns: string[];
  warnings: string[];
}

/** What a join creates, for the caller to drop when the load ends (views first). */
export interface Created {
  tables: string[];
  views: string[];
}

/** The second file: --join, else the mapping's join.file beside the first file. */
export function joinPath(first: string, join: JoinSpec, override: string | undefined): string {
  const named = override ?? join.file;
  if (!named) {
    throw new ImportError(
      'join_file_missing',
      'The mapping joins a second file on ' +
        `${join.on.join(', ')}: name it in the mapping (join.file) or with --join FILE`,
    );
  }
  const path = override || isAbsolute(named) ? named : resolve(dirname(first), named);
  if (!existsSync(path)) {
    throw new ImportError(
      'join_file_missing',
      `The file to join (${path}) does not exist; put it beside ${basename(first)} or give --join FILE`,
    );
  }
  return path;
}

function assertKeys(on: readonly string[], columns: readonly string[], file: string): void {
  const missing = on.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new ImportError(
      'missing_column',
      `${basename(file)} has no column ${missing.map((c) => `'${c}'`).join(', ')} to join on. ` +
        `Its columns: ${columns.slice(0, 30).join(', ')}`,
    );
  }
}

type Added = { from: string; as: string };

/** The second file's own columns as they will be named in the joined row. */
function addedColumns(
  join: JoinSpec,
  first: StageResult,
  second: StageResult,
  file: string,
): Added[] {
  const taken = new Set(first.columns.map((c) => c.toLowerCase()));
  const added = second.columns
    .filter((c) => !join.on.includes(c))
    .map((c) => ({ from: c, as: `${join.prefix}${c}` }));
  const clash = added.filter((a) => taken.has(a.as.toLowerCase()));
  if (clash.length > 0) {
    throw new ImportError(
      'join_column_clash',
      `Both files have a column ${clash.map((c) => `'${c.as}'`).join(', ')}; set join.prefix ` +
        `(e.g. "${basename(file).replace(/\..*$/, '')}.") so the columns of ${basename(file)} are told apart`,
    );
  }
  return added;
}

const key = (alias: string, c: string) => `trim(${alias}.${quoteIdent(c)})`;

/** One row per key of the second file (its first line's values) and how many different rows it has. */
function dedupSql(join: JoinSpec, table: string, added: readonly Added[]): string {
  const values = added.map((a) => quoteIdent(a.from));
  const distinct = values.length
    ? `count(DISTINCT struct_pack(${values.map((v) => `${v} := c.${v}`).join(', ')}))`
    : '1';
  const select = [
    ...join.on.map((c, i) => `${key('c', c)} AS __k${i}`),
    `${distinct}::INTEGER AS n`,
    ...values.map((v) => `arg_min(c.${v}, c.source_line) AS ${v}`),
  ];
  return `CREATE OR REPLACE TEMP TABLE imp_join AS
SELECT ${select.join(', ')}
FROM ${quoteIdent(table)} c
WHERE ${join.on.map((c) => `nullif(${key('c', c)}, '') IS NOT NULL`).join(' AND ')}
GROUP BY ALL`;
}

function joinedViewSql(join: JoinSpec, table: string, added: readonly Added[]): string {
  const select = [
    'p.*',
    ...added.map((a) => `j.${quoteIdent(a.from)} AS ${quoteIdent(a.as)}`),
    `coalesce(j.n, 0) AS ${quoteIdent(JOIN_ROWS)}`,
  ];
  return `CREATE OR REPLACE TEMP VIEW imp_joined AS
SELECT ${select.join(', ')}
FROM ${quoteIdent(table)} p LEFT JOIN imp_join j
  ON ${join.on.map((c, i) => `${key('p', c)} = j.__k${i}`).join(' AND ')}`;
}

/**
 * Stages the second file and joins it to the first on the key (trimmed text). The second file
 * may repeat a key with identical rows (one row per key is kept); how many different rows a key
 * has goes into JOIN_ROWS, which the mapping's checks turn into join_ambiguous / join_unmatched.
 */
export async function joinCompanion(
  conn: DuckDBConnection,
  first: StageResult,
  join: JoinSpec,
  file: string,
  created: Created,
): Promise<JoinedRows> {
  assertKeys(join.on, first.columns, 'the imported file');
  const second = await stageFile(conn, file, join.source);
  created.tables.push(second.table, 'imp_join');
  created.views.push('imp_joined');
  assertKeys(join.on, second.columns, file);
  const added = addedColumns(join, first, second, file);
  await conn.run(dedupSql(join, second.table, added));
  await conn.run(joinedViewSql(join, first.table, added));
  return {
    relation: 'imp_joined',
    rawRelation: `(SELECT * EXCLUDE (${quoteIdent(JOIN_ROWS)}) FROM imp_joined)`,
    columns: [...first.columns, ...added.map((a) => a.as)],
    warnings: [
      ...second.warnings.map((w) => `${basename(file)}: ${w}`),
      ...(second.rejects.length
        ? [
            `${basename(file)}: ${second.rejects.length} malformed row(s) left out (line ${second.rejects
              .slice(0, 5)
              .map((r) => r.line)
              .join(', ')}${second.rejects.length > 5 ? ', ...' : ''})`,
          ]
        : []),
    ],
  };
}
