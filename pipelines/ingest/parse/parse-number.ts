import {
  CURRENCY_MARKS,
  CURRENCY_PATTERN,
  STRIP_PATTERN,
  latinUnitPattern,
  numberPattern,
  type NumberRules,
} from './number-grammar.ts';

export type NumberOutcome =
  | { ok: true; value: number; currency: string | null }
  | { ok: false; reason: 'unparseable' | 'out_of_range' | 'not_integer' };

const re = (pattern: string, flags = '') => new RegExp(pattern, `u${flags}`);
const currencyRe = re(CURRENCY_PATTERN);
const stripRe = re(STRIP_PATTERN, 'g');
const kUnitRe = re(latinUnitPattern('[kK]'));
const mUnitRe = re(latinUnitPattern('[mM]'));

export function currencyCode(mark: string): string | null {
  return mark === '' ? null : (CURRENCY_MARKS[mark.toLowerCase()] ?? null);
}

/** Range and integer checks shared by text cells and numeric (XLSX) cells. */
export function checkNumber(
  value: number,
  rules: NumberRules,
  currency: string | null,
): NumberOutcome {
  const v = value + 0; // -0 -> 0, as in SQL
  if (!Number.isFinite(v) || Math.abs(v) >= rules.maxAbs)
    return { ok: false, reason: 'out_of_range' };
  if (rules.integer && !Number.isInteger(v)) return { ok: false, reason: 'not_integer' };
  return { ok: true, value: v, currency };
}

/** Unit multiplier of a valid cell, tested in the same order as number-sql.ts. */
function unitFactor(text: string, rules: NumberRules): number {
  if (text.includes('万')) return 1e4;
  if (text.includes('亿')) return 1e8;
  if (rules.units.includes('k') && kUnitRe.test(text)) return 1e3;
  if (rules.units.includes('m') && mUnitRe.test(text)) return 1e6;
  return 1;
}

/** Compiles the parser of narrowed, non-missing cells (see clean-cell.ts) for one kind. */
export function compileNumberParser(rules: NumberRules): (narrowed: string) => NumberOutcome {
  const grammarRe = re(numberPattern(rules));
  return (text) => {
    if (!grammarRe.test(text)) return { ok: false, reason: 'unparseable' };
    // Same steps, same order as number-sql.ts, so the doubles are bit-identical.
    let v = Number(text.replace(stripRe, ''));
    if (text.includes('(')) v = -v;
    v = v * unitFactor(text, rules);
    if (rules.scale100 || text.includes('%')) v = v / 100;
    const mark = rules.currency ? (currencyRe.exec(text)?.[0] ?? '') : '';
    return checkNumber(v, rules, currencyCode(mark));
  };
}

/** A number that arrived as a number (XLSX, JSON): no text rules, only scale and range. */
export function parseNumericCell(value: number, rules: NumberRules): NumberOutcome {
  return checkNumber(rules.scale100 ? value / 100 : value, rules, null);
}
