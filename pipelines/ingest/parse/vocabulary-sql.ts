import type { KindSql } from './kind-sql.ts';
import { letSql } from './let-sql.ts';
import { quoteLiteral as lit } from './sql-quote.ts';
import { vocabularyKeySql } from './vocabulary-lookup.ts';

// Vocabulary lookup as a simple CASE. Measured against a MAP literal and a join (bench-parse.ts,
// README): the join looks labels up faster but is a subquery, not an expression; the CASE keeps
// valueSql one self-contained expression. Labels and values reach the SQL only through
// quoteLiteral. A simple CASE repeats its operand in every WHEN: the operand is `lower(col)`
// (cheap, and shared because it first appears in the first WHEN) or a bound variable.

function caseSql(key: string, entries: ReadonlyArray<readonly [string, string]>): string {
  if (entries.length === 0) return 'CAST(NULL AS VARCHAR)';
  return `(CASE ${key} ${entries.map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`).join(' ')} END)`;
}

export function vocabularyKindSql(
  col: string,
  entries: ReadonlyMap<string, string>,
  markers: readonly string[],
): KindSql {
  const all = [...entries];
  // A raw cell whose lower case is a label is already its own key (labels are normalised). Labels
  // that are also missing markers are left to the slow path, which checks markers first.
  const fast = caseSql(
    `lower(${col})`,
    all.filter(([k]) => !markers.includes(k)),
  );
  const slow = (q: string) => letSql(vocabularyKeySql(q), 'k', (k) => caseSql(k, all));
  return {
    fast: [{ when: `${fast} IS NOT NULL`, value: fast, reason: 'CAST(NULL AS VARCHAR)' }],
    slowValue: slow,
    slowReason: (q) => `(CASE WHEN ${slow(q)} IS NULL THEN 'not_in_vocabulary' END)`,
  };
}
