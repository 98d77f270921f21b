import type { KindSql } from './kind-sql.ts';
import { letSql } from './let-sql.ts';
import { quoteLiteral as lit } from './sql-quote.ts';
import { vocabularyKey, vocabularyKeySql } from './vocabulary-lookup.ts';

// Vocabulary lookup as a simple CASE. Measured against a MAP literal and a join (bench-parse.ts,
// README): the join looks labels up faster but is a subquery, not an expression; the CASE keeps
// valueSql one self-contained expression. Labels and values reach the SQL only through
// quoteLiteral. A simple CASE repeats its operand in every WHEN: the operand is `lower(col)`
// (cheap, and shared because it first appears in the first WHEN) or a bound variable.

function caseSql(key: string, entries: ReadonlyArray<readonly [string, string]>): string {
  if (entries.length === 0) return 'CAST(NULL AS VARCHAR)';
  return `(CASE ${key} ${entries.map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`).join(' ')} END)`;
}

/**
 * Labels a raw cell may equal in lower case and still be read without cleaning: every key, and
 * its spellings with `_` or `-` for the spaces (`kol_seeding`, the canonical form exports carry,
 * has the key `kol seeding`). Labels that are canonical values come first: a simple CASE tests
 * its WHENs in order, and most cells of a real export are canonical values.
 */
function fastLabels(
  entries: ReadonlyArray<readonly [string, string]>,
  markers: readonly string[],
): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of entries) {
    const spellings = k.includes(' ') ? [k, k.replaceAll(' ', '_'), k.replaceAll(' ', '-')] : [k];
    for (const label of spellings) if (!markers.includes(label)) out.push([label, v]);
  }
  const canonical = ([k, v]: [string, string]) => (vocabularyKey(v) === vocabularyKey(k) ? 0 : 1);
  return out.sort((a, b) => canonical(a) - canonical(b));
}

export function vocabularyKindSql(
  col: string,
  entries: ReadonlyMap<string, string>,
  markers: readonly string[],
): KindSql {
  const all = [...entries];
  // A raw cell whose lower case is a label is already its own key (labels are normalised). Labels
  // that are also missing markers are left to the slow path, which checks markers first.
  const fast = caseSql(`lower(${col})`, fastLabels(all, markers));
  const slow = (q: string) => letSql(vocabularyKeySql(q), 'k', (k) => caseSql(k, all));
  return {
    fast: [{ when: `${fast} IS NOT NULL`, value: fast, reason: 'CAST(NULL AS VARCHAR)' }],
    slowValue: slow,
    slowReason: (q) => `(CASE WHEN ${slow(q)} IS NULL THEN 'not_in_vocabulary' END)`,
  };
}
