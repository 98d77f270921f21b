import { INVISIBLE, WHITESPACE, classChars } from './clean-cell.ts';
import { NULL_REASON, type KindSql } from './kind-sql.ts';
import { letSql } from './let-sql.ts';
import { quoteLiteral as lit, regexLiteral as rx, sqlInteger } from './sql-quote.ts';

const OTHER = `[^${classChars(WHITESPACE + INVISIBLE)}]`;
/** Already clean text: no edge or repeated whitespace, no invisibles, no formula start. */
export const CLEAN_TEXT_PATTERN = `^[^${classChars(WHITESPACE + INVISIBLE)}=+@-]${OTHER}*(?: ${OTHER}+)*$`;

/** Whitespace runs of a cleaned cell `q` as single spaces: translate, then one small regex. */
export function collapsedSql(q: string): string {
  const spaces = ' '.repeat(WHITESPACE.length);
  return `regexp_replace(translate(${q}, ${lit(WHITESPACE)}, ${lit(spaces)}), ' {2,}', ' ', 'g')`;
}

/**
 * Cleaned, whitespace-collapsed text; longer than maxLength (in code points, as JS counts them
 * with `[...s].length`) -> 'too_long'. value-sql.ts refuses formula-like cells first.
 */
export function textKindSql(
  col: string,
  maxLength: number | undefined,
  notMarker: string,
): KindSql {
  const fits = (x: string) =>
    maxLength === undefined ? 'true' : `length(${x}) <= ${sqlInteger(maxLength)}`;
  // One CASE, not an AND: DuckDB evaluates every operand of an AND for every row, a CASE only what
  // it reaches (1M rows x 9 text columns: 1.06 against 1.54 CPU s in a one-off micro-benchmark),
  // so the cheap tests go first.
  const clean =
    `(CASE WHEN ${col} IS NULL THEN false WHEN NOT ${fits(col)} THEN false ` +
    `WHEN NOT regexp_full_match(${col}, ${rx(CLEAN_TEXT_PATTERN)}) THEN false ELSE ${notMarker} END)`;
  return {
    fast: [{ when: clean, value: col, reason: NULL_REASON }],
    slowValue: (q) =>
      maxLength === undefined
        ? collapsedSql(q)
        : letSql(collapsedSql(q), 't', (t) => `(CASE WHEN ${fits(t)} THEN ${t} END)`),
    slowReason: (q) =>
      maxLength === undefined
        ? NULL_REASON
        : `(CASE WHEN NOT ${fits(collapsedSql(q))} THEN 'too_long' END)`,
  };
}
