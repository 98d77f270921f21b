import { listValue } from '@duckdb/node-api';
import {
  currencySql,
  detectCurrency,
  failureReasonSql,
  parseValueJs,
  quoteIdent,
  valueSql,
  type RawCell,
  type Transform,
} from '../../../../pipelines/ingest/parse/index.ts';
import { queryRows } from '../../../../pipelines/warehouse/query.ts';
import { openWarehouse, type Warehouse } from '../../../../pipelines/warehouse/warehouse.ts';

/** What both implementations are compared on: the value, or null and a reason (null = missing). */
export interface Outcome {
  value: string | number | null;
  reason: string | null;
}

export function jsOutcome(t: Transform, raw: RawCell): Outcome {
  const r = parseValueJs(t, raw);
  return r.ok ? { value: r.value, reason: null } : { value: null, reason: r.reason };
}

// A column name that needs quoting, so every test also exercises quoteIdent.
const COLUMN = 'raw "cell"';

export function openTwin(): Promise<Warehouse> {
  return openWarehouse(':memory:', { poolSize: 1 });
}

/** Runs valueSql and failureReasonSql over the inputs in one query, in input order. */
export async function sqlOutcomes(
  wh: Warehouse,
  t: Transform,
  inputs: readonly (string | null)[],
): Promise<Outcome[]> {
  if (inputs.length === 0) return [];
  const col = quoteIdent(COLUMN);
  const sql = `
    SELECT ${valueSql(t, col)} AS value, ${failureReasonSql(t, col)} AS reason
    FROM (SELECT unnest($cells) AS ${col}, generate_subscripts($cells, 1) AS i)
    ORDER BY i`;
  return wh.withConnection((c) => queryRows<Outcome>(c, sql, { cells: listValue([...inputs]) }));
}

export async function sqlCurrencies(
  wh: Warehouse,
  inputs: readonly (string | null)[],
): Promise<(string | null)[]> {
  const col = quoteIdent(COLUMN);
  const sql = `
    SELECT ${currencySql(col)} AS code
    FROM (SELECT unnest($cells) AS ${col}, generate_subscripts($cells, 1) AS i)
    ORDER BY i`;
  const rows = await wh.withConnection((c) =>
    queryRows<{ code: string | null }>(c, sql, { cells: listValue([...inputs]) }),
  );
  return rows.map((r) => r.code);
}

export function jsCurrencies(inputs: readonly (string | null)[]): (string | null)[] {
  return inputs.map((raw) => detectCurrency(raw));
}

/** [input, JS outcome, SQL outcome] for every input where the two differ. */
export async function disagreements(
  wh: Warehouse,
  t: Transform,
  inputs: readonly string[],
): Promise<[string, Outcome, Outcome][]> {
  const sql = await sqlOutcomes(wh, t, inputs);
  const out: [string, Outcome, Outcome][] = [];
  inputs.forEach((raw, i) => {
    const js = jsOutcome(t, raw);
    const s = sql[i] ?? { value: undefined as never, reason: null };
    if (!Object.is(js.value, s.value) || js.reason !== s.reason) out.push([raw, js, s]);
  });
  return out;
}

/**
 * Table-driven cases run through both implementations: each case is [input, expected value] or
 * [input, null, reason]. Returns the rows that did not come out as expected, per side.
 */
export type Case = readonly [string | null, string | number | null, string?];

export async function checkCases(wh: Warehouse, t: Transform, cases: readonly Case[]) {
  const expected = cases.map(([, value, reason]) => ({ value, reason: reason ?? null }));
  const sql = await sqlOutcomes(
    wh,
    t,
    cases.map(([raw]) => raw),
  );
  const js = cases.map(([raw]) => jsOutcome(t, raw));
  return {
    js: cases.flatMap(([raw], i) =>
      sameOutcome(js[i], expected[i]) ? [] : [{ raw, got: js[i], want: expected[i] }],
    ),
    sql: cases.flatMap(([raw], i) =>
      sameOutcome(sql[i], expected[i]) ? [] : [{ raw, got: sql[i], want: expected[i] }],
    ),
  };
}

function sameOutcome(a: Outcome | undefined, b: Outcome | undefined): boolean {
  return a !== undefined && b !== undefined && Object.is(a.value, b.value) && a.reason === b.reason;
}
