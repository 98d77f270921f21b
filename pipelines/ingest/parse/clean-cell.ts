import { letSql } from './let-sql.ts';
import { quoteLiteral, regexLiteral as rx } from './sql-quote.ts';

// Cell cleaning shared by every transform, as JS functions and their SQL twins. The character sets
// are spelled out (not `\s`, not NFKC) because JS and DuckDB disagree on what those mean; both
// sides read the same lists below, so they agree by construction.
//
//   cleaned (q): zero-width characters and BOM removed anywhere, then whitespace trimmed at both ends
//   narrowed (p): q with full-width digits and number punctuation mapped to ASCII and every
//                 whitespace character to ' ' (numbers and dates only)

/** Whitespace trimmed at the ends and collapsed inside text (all BMP, one UTF-16 unit each). */
export const WHITESPACE =
  '\t\n\u000b\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
/** Invisible characters removed anywhere: zero-width space/joiners, word joiner, BOM. */
export const INVISIBLE = '\u200b\u200c\u200d\u2060\ufeff';
/** Full-width digits and punctuation, U+2212 MINUS SIGN and the full-width yen sign, mapped 1:1. */
const FULL_WIDTH_FROM = '０１２３４５６７８９．，－＋％（）／：￥＄\u2212';
const FULL_WIDTH_TO = '0123456789.,-+%()/:¥$-';
/**
 * Narrowing (numbers and dates): full-width digits and punctuation, U+2212 MINUS SIGN and the
 * full-width yen sign to ASCII, and every whitespace character to a plain space, so that the
 * number and date grammars only need to know ' '.
 */
export const NARROW_FROM = FULL_WIDTH_FROM + WHITESPACE.replace(' ', '');
export const NARROW_TO = FULL_WIDTH_TO + ' '.repeat(WHITESPACE.length - 1);

/**
 * The characters as the inside of a regex class, with everything outside printable ASCII written
 * as a `\u{...}` escape (JS `u` flag; regexLiteral turns it into RE2's `\x{...}` for SQL).
 */
export function classChars(chars: string): string {
  if (/[\]\\^-]/.test(chars)) throw new Error('classChars: characters need escaping');
  return [...chars]
    .map((c) => {
      const cp = c.codePointAt(0) ?? 0;
      return cp < 0x21 || cp > 0x7e ? `\\u{${cp.toString(16)}}` : c;
    })
    .join('');
}

export function charClass(chars: string): string {
  return `[${classChars(chars)}]`;
}

const whitespaceSet = new Set(WHITESPACE);
const invisibleRe = new RegExp(charClass(INVISIBLE), 'gu');
const whitespaceRunRe = new RegExp(`${charClass(WHITESPACE)}+`, 'gu');
const narrowMap = new Map([...NARROW_FROM].map((c, i) => [c, NARROW_TO[i] ?? '']));

export function trimWhitespace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && whitespaceSet.has(text[start] ?? '')) start += 1;
  while (end > start && whitespaceSet.has(text[end - 1] ?? '')) end -= 1;
  return text.slice(start, end);
}

/** q: invisible characters removed, whitespace trimmed. */
export function cleanCell(text: string): string {
  return trimWhitespace(text.replace(invisibleRe, ''));
}

/** p: full-width digits and punctuation to ASCII, whitespace to ' ' (NARROW_FROM/NARROW_TO). */
export function narrowCell(cleaned: string): string {
  let out = '';
  for (const c of cleaned) out += narrowMap.get(c) ?? c;
  return out;
}

export function collapseWhitespace(text: string): string {
  return text.replace(whitespaceRunRe, ' ');
}

/**
 * Lower case as DuckDB's `lower()` does it for anything a label can contain. They differ on U+0130
 * (JS gives `i` + combining dot, DuckDB plain `i`) and on a few dozen recent code points that
 * DuckDB leaves alone; the first is mapped here, the rest cannot occur in an ASCII or CJK label.
 */
export function lowerLikeDuckDb(text: string): string {
  return text.replaceAll('\u0130', 'i').toLowerCase();
}

// ---- SQL twins. `col` is trusted SQL (a quoted identifier or an expression built here). ----
// They only run on cells that no fast branch accepted as they are (value-sql.ts). Even so the
// costly calls are guarded: translate() and trim(s, chars) take ~0.5 s per million rows, a
// capture-free regex test ~0.05 s.

const lit = quoteLiteral;
const EDGE_OR_INVISIBLE = `^${charClass(WHITESPACE)}|${charClass(WHITESPACE)}$|${charClass(INVISIBLE)}`;
const EDGES = charClass(WHITESPACE + INVISIBLE);
const CLEAN = `^${EDGES}+|${EDGES}+$|${charClass(INVISIBLE)}`;

/** q in SQL: same result as cleanCell (removing invisibles, then trimming = one regex pass). */
export function cleanCellSql(col: string): string {
  return `(CASE WHEN regexp_matches(${col}, ${rx(EDGE_OR_INVISIBLE)}) THEN regexp_replace(${col}, ${rx(CLEAN)}, '', 'g') ELSE ${col} END)`;
}

/**
 * p in SQL from the raw column: the cleaned cell is bound once (let-sql.ts), then translated.
 * Only cells that no reader accepts as they are get here (reader-kind.ts).
 */
export function narrowedCellSql(col: string): string {
  return letSql(
    cleanCellSql(col),
    'q',
    (q) => `translate(${q}, ${lit(NARROW_FROM)}, ${lit(NARROW_TO)})`,
  );
}
