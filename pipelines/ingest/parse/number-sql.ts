import { NULL_REASON, type KindSql, type Reader } from './kind-sql.ts';
import { letSql } from './let-sql.ts';
import { readerKind } from './reader-kind.ts';
import {
  CURRENCY_MARKS,
  CURRENCY_PATTERN,
  SHORT_GROUPED_PATTERN,
  SHORT_INTEGER_PATTERN,
  SHORT_MARKED_PATTERN,
  SHORT_PERCENT_PATTERN,
  SHORT_PLAIN_PATTERN,
  STRIP_PATTERN,
  latinUnitPattern,
  numberPattern,
  type NumberRules,
} from './number-grammar.ts';
import { quoteLiteral as lit, regexLiteral as rx } from './sql-quote.ts';

// SQL twin of parse-number.ts, step for step and in the same order, so the doubles are
// bit-identical (`+ 0.0` turns -0 into 0 as `+ 0` does in JS). Short plain, grouped and marked
// numbers, the common cases, are read by a bare cast that cannot be out of range.

const NO_REASON = () => NULL_REASON;

function unitFactorSql(x: string, rules: NumberRules): string {
  const branches = [
    `WHEN contains(${x}, '万') THEN 10000.0`,
    `WHEN contains(${x}, '亿') THEN 100000000.0`,
  ];
  if (rules.units.includes('k')) {
    branches.push(`WHEN regexp_matches(${x}, ${rx(latinUnitPattern('[kK]'))}) THEN 1000.0`);
  }
  if (rules.units.includes('m')) {
    branches.push(`WHEN regexp_matches(${x}, ${rx(latinUnitPattern('[mM]'))}) THEN 1000000.0`);
  }
  return `(CASE ${branches.join(' ')} ELSE 1.0 END)`;
}

/** The double of a grammar-checked cell, before range checks. */
function generalSql(x: string, rules: NumberRules): string {
  const digits = `try_cast(regexp_replace(${x}, ${rx(STRIP_PATTERN)}, '', 'g') AS DOUBLE)`;
  const signed = `(CASE WHEN contains(${x}, '(') THEN -${digits} ELSE ${digits} END)`;
  const scaled = `(${signed} * ${unitFactorSql(x, rules)})`;
  if (rules.scale100) return `(${scaled} / 100.0 + 0.0)`;
  return `((CASE WHEN contains(${x}, '%') THEN ${scaled} / 100.0 ELSE ${scaled} END) + 0.0)`;
}

/** Range and integer checks on a bound double `v` (no regex here: it runs in a lambda body). */
function checkedSql(v: string, rules: NumberRules): { value: string; reason: string } {
  const max = Number.isFinite(rules.maxAbs)
    ? ` OR abs(${v}) >= ${rules.maxAbs.toExponential()}`
    : '';
  const outOfRange = `(NOT isfinite(${v})${max})`;
  const fraction = rules.integer ? `${v} <> trunc(${v})` : 'false';
  const typed = rules.integer ? `CAST(${v} AS INTEGER)` : v;
  return {
    value: `(CASE WHEN ${outOfRange} OR ${fraction} THEN NULL ELSE ${typed} END)`,
    reason: `(CASE WHEN ${outOfRange} THEN 'out_of_range' WHEN ${fraction} THEN 'not_integer' END)`,
  };
}

/**
 * Forms that cover most real cells, read without the let-binding of the general reader: each is
 * below 1e15, so never out of range, and what the cast reads is exactly what STRIP_PATTERN would
 * have left (same double as parse-number.ts).
 */
function shortReaders(rules: NumberRules): Reader[] {
  const scale = rules.scale100 ? ' / 100.0' : '';
  const cast = (text: string) => `(try_cast(${text} AS DOUBLE)${scale} + 0.0)`;
  if (rules.integer) {
    return [
      {
        pattern: SHORT_INTEGER_PATTERN,
        value: (x) => `try_cast(${x} AS INTEGER)`,
        reason: NO_REASON,
      },
    ];
  }
  const readers: Reader[] = [
    { pattern: SHORT_PLAIN_PATTERN, value: cast, reason: NO_REASON },
    {
      pattern: SHORT_GROUPED_PATTERN,
      value: (x) => cast(`replace(${x}, ',', '')`),
      reason: NO_REASON,
    },
  ];
  if (rules.percent) {
    readers.push({
      pattern: SHORT_PERCENT_PATTERN,
      value: (x) => `(try_cast(rtrim(${x}, '%') AS DOUBLE) / 100.0 + 0.0)`,
      reason: NO_REASON,
    });
  }
  if (rules.currency) {
    readers.push({
      pattern: SHORT_MARKED_PATTERN,
      value: (x) => cast(`replace(substr(${x}, 2), ',', '')`),
      reason: NO_REASON,
    });
  }
  return readers;
}

function grammarReader(rules: NumberRules): Reader {
  // The bound value uses regexes; the body (range checks) must not (let-sql.ts).
  const bound = (x: string, pick: 'value' | 'reason') =>
    letSql(generalSql(x, rules), 'v', (v) => checkedSql(v, rules)[pick]);
  return {
    pattern: numberPattern(rules),
    value: (x) => bound(x, 'value'),
    reason: (x) => bound(x, 'reason'),
  };
}

export function numberReaders(rules: NumberRules): Reader[] {
  return [...shortReaders(rules), grammarReader(rules)];
}

export function numberKindSql(col: string, rules: NumberRules): KindSql {
  return readerKind(col, numberReaders(rules), () => `'unparseable'`);
}

/** ISO code of the currency mark of a grammar-checked money cell `x`, NULL without a mark. */
export function currencyCodeSql(x: string): string {
  const mark = `lower(regexp_extract(${x}, ${rx(CURRENCY_PATTERN)}, 0))`;
  const branches = Object.entries(CURRENCY_MARKS).map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`);
  return letSql(mark, 'mark', (m) => `(CASE ${m} ${branches.join(' ')} END)`);
}
