// Words of a milestone's name as model features ("fix", "investigate", "meeting", "report"...):
// a tokeniser, and per-token target encodings learnt from training rows only.

/** Common English words that carry no signal about the work itself. */
export const nameStopWords: ReadonlySet<string> = new Set(
  (
    'a an and are as at be by for from has have in into is it its of on or re so that the this ' +
    'to too up via was we were will with within without not no new all any can do does if out ' +
    'per than then them they these those when where which who why how what our your etc'
  ).split(' '),
);

/**
 * The distinct words of a name: lower-cased, split on anything that is not a letter, without
 * stop words and single letters, in order of first appearance.
 */
export function nameTokens(name: string, stop: ReadonlySet<string> = nameStopWords): string[] {
  const out: string[] = [];
  for (const w of name.toLowerCase().split(/[^a-z]+/)) {
    if (w.length > 1 && !stop.has(w) && !out.includes(w)) out.push(w);
  }
  return out;
}

/** Names as token ids (`vocabulary[id]` is the word). */
export interface TokenizedNames {
  tokens: Int32Array[];
  vocabulary: string[];
}

export function tokenizeNames(names: readonly string[]): TokenizedNames {
  const ids = new Map<string, number>();
  const tokens = names.map((name) =>
    Int32Array.from(nameTokens(name), (w) => {
      let id = ids.get(w);
      if (id === undefined) ids.set(w, (id = ids.size));
      return id;
    }),
  );
  return { tokens, vocabulary: [...ids.keys()] };
}

/** How many of `rows` contain each token (document frequency). */
export function tokenCounts(names: TokenizedNames, rows: ArrayLike<number>): Int32Array {
  const counts = new Int32Array(names.vocabulary.length);
  for (let i = 0; i < rows.length; i++) {
    for (const t of names.tokens[rows[i] as number] ?? []) counts[t] = (counts[t] ?? 0) + 1;
  }
  return counts;
}

/**
 * Indicator columns (`word_<token>`, 0/1) of the `topK` tokens most frequent among `trainRows`
 * (each seen in at least `minCount` of them): the vocabulary never looks at other rows.
 */
export function tokenIndicators(
  names: TokenizedNames,
  trainRows: ArrayLike<number>,
  options: { topK?: number; minCount?: number } = {},
): Map<string, Float64Array> {
  const counts = tokenCounts(names, trainRows);
  const top = Array.from(counts.keys())
    .filter((t) => (counts[t] ?? 0) >= (options.minCount ?? 20))
    .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a - b)
    .slice(0, options.topK ?? 30);
  const out = new Map<string, Float64Array>();
  for (const t of top) {
    const col = Float64Array.from(names.tokens, (ts) => (ts.includes(t) ? 1 : 0));
    out.set(`word_${names.vocabulary[t] ?? t}`, col);
  }
  return out;
}

/**
 * Each name's word sequence as one token (its "template": "Daily server checks - week 38" and
 * "- week 39" share one), so that recurring chores are encoded as a whole.
 */
export function nameTemplates(names: TokenizedNames): TokenizedNames {
  const ids = new Map<string, number>();
  const tokens = names.tokens.map((ts) => {
    if (ts.length === 0) return new Int32Array();
    const key = Array.from(ts, (t) => names.vocabulary[t] ?? '').join(' ');
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return Int32Array.of(id);
  });
  return { tokens, vocabulary: [...ids.keys()] };
}
