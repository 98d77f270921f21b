import { cleanCellSql } from './clean-cell.ts';
import { dateKindSql, dateReaders } from './date-sql.ts';
import { isFormulaLikeSql } from './formula-like.ts';
import type { Branch, KindSql, Reader } from './kind-sql.ts';
import { LET_PREFIX, letSql } from './let-sql.ts';
import { DEFAULT_MISSING_MARKERS, normalizeMarkers } from './missing-markers.ts';
import { numberRules } from './number-rules.ts';
import { currencyCodeSql, numberKindSql, numberReaders } from './number-sql.ts';
import { DEFAULT_PIVOT_YEAR } from './parse-date.ts';
import { readerKind } from './reader-kind.ts';
import { quoteLiteral } from './sql-quote.ts';
import { textKindSql } from './text-sql.ts';
import type { MoneyTransform, Transform } from './transform-schema.ts';
import { resolveVocabulary } from './vocabulary-lookup.ts';
import { vocabularyKindSql } from './vocabulary-sql.ts';

// SQL expressions over one staged VARCHAR column `col`: trusted SQL, i.e. a quoteIdent()-ed
// column (sql-quote.ts) or an expression built from one. Every value from a mapping file reaches
// the text through quoteLiteral or sqlInteger. Each expression is one CASE that does what
// parse-value.ts does (missing -> kind -> formula check), arranged for speed (kind-sql.ts):
//
//   CASE [WHEN lower(col) is a marker some fast branch would accept THEN NULL]
//        WHEN <fast test on the raw cell> THEN <value> ...   -- most cells end here
//        WHEN col IS NULL THEN NULL
//        [text: WHEN <formula-like> THEN NULL]
//        ELSE let q = cleaned cell in
//             CASE WHEN q is '' or a marker THEN NULL ELSE <slow value of q> END
//   END

const list = (xs: readonly string[]) => `[${xs.map(quoteLiteral).join(', ')}]::VARCHAR[]`;
// list_contains, not IN: DuckDB turns an IN list of ~10 constants into a hash join, which runs
// for every row whatever the CASE around it says.
const isMarker = (markers: readonly string[], x: string) =>
  `list_contains(${list(['', ...markers])}, lower(${x}))`;
/** Reasons that mean "not recognised" (NO_MATCH in parse-value.ts): formula-like cells are relabelled. */
const NO_MATCH = ['unparseable', 'ambiguous', 'not_in_vocabulary'];

function markersOf(t: Transform): string[] {
  return normalizeMarkers(t.missing ?? DEFAULT_MISSING_MARKERS);
}

/** Custom markers that a reader would accept as they are (e.g. `0` for a number). */
function colliding(readers: readonly Reader[], markers: readonly string[]): string[] {
  const patterns = readers.map((r) => new RegExp(r.pattern, 'iu'));
  return markers.filter((m) => patterns.some((re) => re.test(m)));
}

interface Plan {
  kind: KindSql;
  markers: string[];
  /** Markers to refuse before the fast branches. */
  guard: string[];
}

function plan(t: Transform, col: string): Plan {
  if (col.includes(LET_PREFIX)) throw new Error(`column SQL must not contain ${LET_PREFIX}`);
  const markers = markersOf(t);
  switch (t.kind) {
    case 'date': {
      const pivot = t.pivotYear ?? DEFAULT_PIVOT_YEAR;
      const kind = dateKindSql(col, t.format, pivot);
      return { kind, markers, guard: colliding(dateReaders(t.format, pivot), markers) };
    }
    case 'number':
    case 'money':
    case 'integer':
    case 'percent': {
      const rules = numberRules(t);
      return {
        kind: numberKindSql(col, rules),
        markers,
        guard: colliding(numberReaders(rules), markers),
      };
    }
    case 'text': {
      // Markers are short: longer cells skip the lookup (DuckDB lower() keeps the length). A CASE,
      // not an OR, which would look every cell up (text-sql.ts).
      const longest = Math.max(0, ...markers.map((m) => [...m].length));
      const notMarker = `(CASE WHEN length(${col}) > ${longest} THEN true ELSE NOT ${isMarker(markers, col)} END)`;
      return { kind: textKindSql(col, t.maxLength, notMarker), markers, guard: [] };
    }
    case 'vocabulary':
      return { kind: vocabularyKindSql(col, resolveVocabulary(t), markers), markers, guard: [] };
  }
}

function head(col: string, p: Plan, pick: (b: Branch) => string): string {
  const guard = p.guard.length
    ? `WHEN list_contains(${list(p.guard)}, lower(${col})) THEN NULL `
    : '';
  return `${guard}${p.kind.fast.map((b) => `WHEN ${b.when} THEN ${pick(b)} `).join('')}WHEN ${col} IS NULL THEN NULL `;
}

/** let q = cleaned cell in (missing -> NULL, else body(q)). */
const slow = (col: string, p: Plan, body: (q: string) => string) =>
  letSql(
    cleanCellSql(col),
    'q',
    (q) => `(CASE WHEN ${isMarker(p.markers, q)} THEN NULL ELSE ${body(q)} END)`,
  );

/** The typed value (DATE, DOUBLE, INTEGER or VARCHAR); NULL when missing or not parseable. */
export function valueSql(t: Transform, col: string): string {
  const p = plan(t, col);
  const formula = t.kind === 'text' ? `WHEN ${isFormulaLikeSql(col)} THEN NULL ` : '';
  return `(CASE ${head(col, p, (b) => b.value)}${formula}ELSE ${slow(col, p, p.kind.slowValue)} END)`;
}

/**
 * NULL when the cell is fine or missing, else a reason code (failure-reasons.ts). A cell that
 * nothing recognises and that looks like a formula is 'formula_like'; text that looks like a
 * formula always is.
 */
export function failureReasonSql(t: Transform, col: string): string {
  const p = plan(t, col);
  const reason = slow(col, p, p.kind.slowReason);
  const relabel =
    t.kind === 'text'
      ? `(CASE WHEN ${isMarker(p.markers, cleanCellSql(col))} THEN NULL ELSE 'formula_like' END)`
      : letSql(
          reason,
          'r',
          (r) =>
            `(CASE WHEN list_contains(${list(NO_MATCH)}, ${r}) THEN 'formula_like' ELSE ${r} END)`,
        );
  return `(CASE ${head(col, p, (b) => b.reason)}WHEN ${isFormulaLikeSql(col)} THEN ${relabel} ELSE ${reason} END)`;
}

/** ISO currency code of a money cell's mark (`¥1,234` -> CNY); NULL without a mark or a value. */
export function currencySql(col: string, t: MoneyTransform = { kind: 'money' }): string {
  const readers = numberReaders(numberRules(t)).map((r) => ({
    ...r,
    value: (x: string) => `(CASE WHEN ${r.value(x)} IS NOT NULL THEN ${currencyCodeSql(x)} END)`,
  }));
  const p = { ...plan(t, col), kind: readerKind(col, readers, () => 'NULL') };
  return `(CASE ${head(col, p, (b) => b.value)}ELSE ${slow(col, p, p.kind.slowValue)} END)`;
}

/** TRUE when the cell counts as missing: NULL, empty once cleaned, or a marker. */
export function missingSql(t: Transform, col: string): string {
  return `(${col} IS NULL OR ${isMarker(markersOf(t), cleanCellSql(col))})`;
}
