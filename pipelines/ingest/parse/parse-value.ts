import { cleanCell, collapseWhitespace, narrowCell } from './clean-cell.ts';
import type { FailureReason, ParseResult } from './failure-reasons.ts';
import { isFormulaLike } from './formula-like.ts';
import { DEFAULT_MISSING_MARKERS, isMissingCell, normalizeMarkers } from './missing-markers.ts';
import { numberRules } from './number-rules.ts';
import { compileDateParser, formatIsoDate } from './parse-date.ts';
import { compileNumberParser, parseNumericCell, type NumberOutcome } from './parse-number.ts';
import type { Transform } from './transform-schema.ts';
import { resolveVocabulary, vocabularyKey } from './vocabulary-lookup.ts';

// The JS twin of value-sql.ts: XLSX/JSON cells, error messages and the property tests that hold
// both sides to the same answers. Order: missing -> kind parser -> formula check when nothing in
// the cell was recognised (text: formula check always, since any text "parses"). A cell that was
// recognised but is out of range or an impossible date keeps that reason.

/** Reasons that mean "not recognised"; a formula-like cell is reported as formula_like instead. */
const NO_MATCH: ReadonlySet<FailureReason> = new Set([
  'unparseable',
  'ambiguous',
  'not_in_vocabulary',
]);

export type RawCell = string | number | Date | null;
type Outcome = { ok: true; value: string | number } | { ok: false; reason: FailureReason };
type CellParser = (raw: string) => Outcome;
type NumberParser = (value: number) => Outcome;

const withoutCurrency = (o: NumberOutcome): Outcome => (o.ok ? { ok: true, value: o.value } : o);
const fail = (reason: FailureReason) => ({ ok: false, reason }) as const;

function kindParsers(t: Transform): { text: CellParser; number: NumberParser } {
  switch (t.kind) {
    case 'date': {
      const parse = compileDateParser(t.format, t.pivotYear);
      const text: CellParser = (raw) => parse(narrowCell(cleanCell(raw)));
      return { text, number: (n) => text(String(n)) };
    }
    case 'number':
    case 'money':
    case 'integer':
    case 'percent': {
      const rules = numberRules(t);
      const parse = compileNumberParser(rules);
      return {
        text: (raw) => withoutCurrency(parse(narrowCell(cleanCell(raw)))),
        number: (n) => withoutCurrency(parseNumericCell(n, rules)),
      };
    }
    case 'text': {
      const max = t.maxLength ?? Infinity;
      const text: CellParser = (raw) => {
        const value = collapseWhitespace(cleanCell(raw));
        if (isFormulaLike(raw)) return fail('formula_like');
        return [...value].length > max ? fail('too_long') : { ok: true, value };
      };
      return { text, number: (n) => text(String(n)) };
    }
    case 'vocabulary': {
      const entries = resolveVocabulary(t);
      const text: CellParser = (raw) => {
        const value = entries.get(vocabularyKey(cleanCell(raw)));
        return value === undefined ? fail('not_in_vocabulary') : { ok: true, value };
      };
      return { text, number: (n) => text(String(n)) };
    }
  }
}

function dateCell(t: Transform, d: Date, parsers: { text: CellParser }): Outcome {
  if (Number.isNaN(d.getTime())) return fail('unparseable');
  // Spreadsheet readers hand over dates as UTC midnight: read the calendar date in UTC.
  if (t.kind === 'date')
    return {
      ok: true,
      value: formatIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
    };
  return t.kind === 'text' ? parsers.text(d.toISOString()) : fail('unparseable');
}

/** Compiles a transform once; the returned function parses one cell. */
export function compileParser(t: Transform): (raw: RawCell) => ParseResult {
  const markers = new Set(normalizeMarkers(t.missing ?? DEFAULT_MISSING_MARKERS));
  const parsers = kindParsers(t);
  return (raw) => {
    if (raw === null) return { ok: true, value: null };
    if (raw instanceof Date) return dateCell(t, raw, parsers);
    if (typeof raw === 'number') {
      return Number.isNaN(raw) ? { ok: true, value: null } : parsers.number(raw);
    }
    if (isMissingCell(raw, markers)) return { ok: true, value: null };
    const outcome = parsers.text(raw);
    if (!outcome.ok && NO_MATCH.has(outcome.reason) && isFormulaLike(raw))
      return fail('formula_like');
    return outcome;
  };
}

const compiled = new WeakMap<Transform, (raw: RawCell) => ParseResult>();

/** Parses one cell; compiled parsers are cached per transform object. */
export function parseValueJs(t: Transform, raw: RawCell): ParseResult {
  let parse = compiled.get(t);
  if (parse === undefined) {
    parse = compileParser(t);
    compiled.set(t, parse);
  }
  return parse(raw);
}
