import { NARROW_FROM, NARROW_TO } from './clean-cell.ts';
import type { Branch, KindSql, Reader } from './kind-sql.ts';
import { letSql } from './let-sql.ts';
import { quoteLiteral as lit, regexLiteral as rx } from './sql-quote.ts';

const matches = (x: string, pattern: string) => `regexp_full_match(${x}, ${rx(pattern)})`;

const branch = (r: Reader, x: string): Branch => ({
  when: matches(x, r.pattern),
  value: r.value(x),
  reason: r.reason(x),
});

const cases = (
  readers: readonly Reader[],
  x: string,
  pick: (b: Branch) => string,
  otherwise: string,
) =>
  `(CASE ${readers
    .map((r) => branch(r, x))
    .map((b) => `WHEN ${b.when} THEN ${pick(b)}`)
    .join(' ')} ELSE ${otherwise} END)`;

/**
 * Numbers and dates: every reader on the raw cell, then on the narrowed cell p (full-width
 * characters to ASCII, all whitespace to ' '), which is the translate of q bound once.
 */
export function readerKind(
  col: string,
  readers: readonly Reader[],
  noMatch: (p: string) => string,
): KindSql {
  const narrowed = (q: string) => `translate(${q}, ${lit(NARROW_FROM)}, ${lit(NARROW_TO)})`;
  return {
    fast: readers.map((r) => branch(r, col)),
    slowValue: (q) => letSql(narrowed(q), 'p', (p) => cases(readers, p, (b) => b.value, 'NULL')),
    slowReason: (q) =>
      letSql(narrowed(q), 'p', (p) => cases(readers, p, (b) => b.reason, noMatch(p))),
  };
}
