// One grammar for every numeric transform. A kind's rules (currency only for money, `%` only for
// percent, which unit suffixes) are compiled into one capture-free anchored regex, which DuckDB
// (RE2) runs as a fast DFA. A valid cell is then read without capture groups: strip everything but
// the signed digits and cast, then parentheses, unit and `%` from plain `contains` tests
// (parse-number.ts, number-sql.ts). Whitespace between tokens is ' ' only: narrowing maps every
// other kind to it. Same pattern text in JS and DuckDB: see date-patterns.ts for the subset.

/** Currency marks and codes (compared lower-cased) and the ISO code each one means. */
export const CURRENCY_MARKS: Readonly<Record<string, string>> = {
  '¥': 'CNY', // after narrowing also the full-width ￥; in this market ¥ is the yuan, not the yen
  元: 'CNY',
  人民币: 'CNY',
  rmb: 'CNY',
  cny: 'CNY',
  $: 'USD',
  us$: 'USD',
  美元: 'USD',
  usd: 'USD',
  '€': 'EUR',
  欧元: 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  英镑: 'GBP',
  gbp: 'GBP',
  hk$: 'HKD',
  港币: 'HKD',
  港元: 'HKD',
  hkd: 'HKD',
  a$: 'AUD',
  澳元: 'AUD',
  aud: 'AUD',
  日元: 'JPY',
  jpy: 'JPY',
  '₩': 'KRW',
  韩元: 'KRW',
  krw: 'KRW',
};

/** Multipliers of unit suffixes; `k`/`m` only when the transform allows them. */
export const UNIT_FACTORS: Readonly<Record<string, number>> = {
  万: 1e4,
  亿: 1e8,
  k: 1e3,
  K: 1e3,
  m: 1e6,
  M: 1e6,
};
export const CHINESE_UNITS: readonly string[] = ['万', '亿'];
export const LATIN_UNITS: readonly string[] = ['k', 'K', 'm', 'M'];

function markPattern(mark: string): string {
  return [...mark]
    .map((c) => (c === '$' ? '[$]' : /[a-z]/.test(c) ? `[${c.toUpperCase()}${c}]` : c))
    .join('');
}

/** Whitespace between tokens: narrowing has turned every kind of it into ' '. */
const W = '[ ]*';
const SIGN = '[-+]';
/** Longest marks first, so a search finds `US$` rather than `$` inside it. */
export const CURRENCY_PATTERN = `(?:${Object.keys(CURRENCY_MARKS)
  .sort((a, b) => b.length - a.length || a.localeCompare(b))
  .map(markPattern)
  .join('|')})`;
/** Grouped (`1,234,567.8`, `1 234`), exponent, plain, or leading-dot digits, in search order. */
export const BODY_PATTERN = `(?:${[
  '[0-9]{1,3}(?:,[0-9]{3})+(?:[.][0-9]*)?',
  '[0-9]{1,3}(?: [0-9]{3})+(?:[.][0-9]*)?',
  '[0-9]+(?:[.][0-9]+)?[eE][-+]?[0-9]{1,3}',
  '[0-9]+(?:[.][0-9]*)?',
  '[.][0-9]+',
].join('|')})`;
/**
 * Everything but the signed digits of a valid cell: marks, units, `%`, parentheses, separators
 * and spaces. `eur` goes first so that its `e` is not taken for an exponent; no other mark, unit
 * or sign contains `e`, `.`, `+` or `-`, so what is left is a number JS and DuckDB both read.
 * Runs, not single characters: regexp_replace pays per match.
 */
export const STRIP_PATTERN = '[Ee][Uu][Rr]|[^0-9.eE+-]+';
/** Short plain numbers: read by a cast, never out of range (< 1e15), the common case. */
export const SHORT_PLAIN_PATTERN = '^-?[0-9]{1,15}(?:[.][0-9]+)?$';
/** Comma-grouped numbers below 1e15, read by removing the commas and a cast. */
export const SHORT_GROUPED_PATTERN = '^-?[0-9]{1,3}(?:,[0-9]{3}){1,4}(?:[.][0-9]+)?$';
/** A one-character mark, then a short plain or grouped number (`¥1,234.50`, `$-5`). */
export const SHORT_MARKED_PATTERN =
  '^(?:¥|[$]|€)-?(?:[0-9]{1,3}(?:,[0-9]{3}){0,4}|[0-9]{1,15})(?:[.][0-9]+)?$';
/** A short plain percentage (`12.5%`). */
export const SHORT_PERCENT_PATTERN = '^-?[0-9]{1,15}(?:[.][0-9]+)?%$';
/** Plain integers that always fit INTEGER. */
export const SHORT_INTEGER_PATTERN = '^-?[0-9]{1,9}$';
/** A signed plain number (what a cell starting with `-` or `+` may be without being a formula). */
export const SIGNED_NUMBER_PATTERN = `^${SIGN}?${W}${BODY_PATTERN}(?:${W}%)?$`;

/** A k/m unit letter right after the digits, not the first letter of a currency code. */
export function latinUnitPattern(letters: '[kK]' | '[mM]'): string {
  return `[0-9.]${W}${letters}(?:[^A-Za-z]|$|${CURRENCY_PATTERN})`;
}

export interface NumberRules {
  readonly currency: boolean;
  readonly percent: boolean;
  /** Accepted unit suffixes. */
  readonly units: readonly string[];
  /** Divide by 100 when there is no `%` sign (percent transform with scale 100). */
  readonly scale100: boolean;
  readonly integer: boolean;
  /** Exclusive bound on the absolute value (money must fit DECIMAL(18,2)). */
  readonly maxAbs: number;
}

/**
 * The cell grammar of a kind. At most one currency mark, before or after the number; a sign
 * before or after a leading mark, or parentheses (accounting negative) around the number with or
 * without the mark; then a unit and/or `%`. No trailing minus, no mark on both sides. Never starts
 * or ends with whitespace, so a raw cell it accepts is already clean.
 */
export function numberPattern(rules: NumberRules): string {
  const unit = rules.units.length ? `(?:${W}(?:${rules.units.join('|')}))?` : '';
  const core = `${BODY_PATTERN}${unit}${rules.percent ? `(?:${W}%)?` : ''}`;
  const cur = CURRENCY_PATTERN;
  const open = `[(]${W}`;
  const close = `${W}[)]`;
  const alternatives = [`(?:${SIGN}${W})?${core}`, `${open}${core}${close}`];
  if (rules.currency) {
    alternatives.push(
      `(?:${SIGN}${W})?${cur}${W}${core}`,
      `${cur}${W}${SIGN}${W}${core}`,
      `(?:${SIGN}${W})?${core}${W}${cur}`,
      `${open}${cur}${W}${core}${close}`,
      `${cur}${W}${open}${core}${close}`,
      `${open}${core}${W}${cur}${close}`,
      `${open}${core}${close}${W}${cur}`,
    );
  }
  return `^(?:${alternatives.join('|')})$`;
}
