import { WHITESPACE, classChars, lowerLikeDuckDb } from './clean-cell.ts';
import { quoteLiteral as lit } from './sql-quote.ts';
import { defaultVocabularies, type VocabularyName } from './vocabularies.ts';

// Labels and cells are compared by a key: lower case, runs of whitespace, `_` and `-` as one
// space, no space at the ends. The same steps run in JS (here) and SQL (vocabularyKeySql).

const SEPARATOR = `[${classChars(WHITESPACE)}_-]`;
const SEPARATORS = `${SEPARATOR}+`;
const separatorsRe = new RegExp(SEPARATORS, 'gu');

/** The lookup key of a cleaned cell (see clean-cell.ts). */
export function vocabularyKey(cleaned: string): string {
  const spaced = lowerLikeDuckDb(cleaned).replace(separatorsRe, ' ');
  let start = 0;
  let end = spaced.length;
  while (start < end && spaced[start] === ' ') start += 1;
  while (end > start && spaced[end - 1] === ' ') end -= 1;
  return spaced.slice(start, end);
}

/** The key in SQL, from a cleaned cell: translate and one small regex, no character classes. */
export function vocabularyKeySql(cleaned: string): string {
  const from = `${WHITESPACE}_-`;
  const spaced = `translate(lower(${cleaned}), ${lit(from)}, ${lit(' '.repeat(from.length))})`;
  return `trim(regexp_replace(${spaced}, ' {2,}', ' ', 'g'), ' ')`;
}

export class VocabularyError extends Error {
  override name = 'VocabularyError';
}

function addLabel(into: Map<string, string>, label: string, value: string, override: boolean) {
  const key = vocabularyKey(label);
  if (key === '')
    throw new VocabularyError(`label ${JSON.stringify(label)} is empty once normalised`);
  const before = into.get(key);
  if (!override && before !== undefined && before !== value) {
    throw new VocabularyError(
      `label ${JSON.stringify(label)} means both ${JSON.stringify(before)} and ${JSON.stringify(value)}`,
    );
  }
  into.set(key, value);
}

/** Canonical values of a default vocabulary. */
export function canonicalValues(name: VocabularyName): string[] {
  return Object.keys(defaultVocabularies[name]);
}

export interface VocabularySpec {
  vocabulary: VocabularyName | Record<string, string>;
  extend?: Record<string, string> | undefined;
}

/**
 * Normalised label -> canonical value. A named vocabulary starts from the defaults (canonical
 * values included); an object replaces them. `extend` adds labels and wins over the start.
 * Throws VocabularyError on a label that is empty or means two things.
 */
export function resolveVocabulary(spec: VocabularySpec): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  if (typeof spec.vocabulary === 'string') {
    for (const [value, labels] of Object.entries(defaultVocabularies[spec.vocabulary])) {
      for (const label of [value, ...labels]) addLabel(out, label, value, false);
    }
  } else {
    for (const [label, value] of Object.entries(spec.vocabulary))
      addLabel(out, label, value, false);
  }
  for (const [label, value] of Object.entries(spec.extend ?? {})) addLabel(out, label, value, true);
  return out;
}
