import { tokenCounts, type TokenizedNames } from './name-tokens.ts';

/** Outcomes and times of the rows whose names are encoded. */
export interface EncodingRows {
  /** Prediction time per row (day number). */
  time: Float64Array;
  /** When each row's outcome became known (NaN = not yet). */
  knownAt: Float64Array;
  y: Float64Array;
}

export interface TokenEncodingOptions {
  /** Prior strength in rows: a token seen c times moves c / (c + k) of the way off the prior. */
  k?: number;
  /** Tokens in fewer of the training rows than this are ignored. */
  minCount?: number;
  /** Column name prefix (default `name_word`). */
  prefix?: string;
}

/** Running per-token and overall sums of the outcomes absorbed so far. */
class TokenSums {
  readonly sum: Float64Array;
  readonly count: Float64Array;
  total = 0;
  n = 0;
  constructor(size: number) {
    this.sum = new Float64Array(size);
    this.count = new Float64Array(size);
  }
  add(tokens: Int32Array, y: number, sign: 1 | -1): void {
    for (const t of tokens) {
      this.sum[t] = (this.sum[t] ?? 0) + sign * y;
      this.count[t] = (this.count[t] ?? 0) + sign;
    }
    this.total += sign * y;
    this.n += sign;
  }
}

/** Mean, lowest and highest shrunk token effect of one row, and how many tokens had data. */
function rowEffects(
  tokens: Int32Array,
  sums: TokenSums,
  usable: (t: number) => boolean,
  k: number,
): [number, number, number, number] {
  const prior = sums.n > 0 ? sums.total / sums.n : 0;
  let s = 0;
  let m = 0;
  let lo = 0;
  let hi = 0;
  for (const t of tokens) {
    const c = sums.count[t] ?? 0;
    if (!usable(t) || c <= 0) continue;
    // Empirical Bayes: the token's mean shrunk toward the overall mean, minus that mean.
    const effect = ((sums.sum[t] ?? 0) - c * prior) / (c + k);
    s += effect;
    lo = m === 0 ? effect : Math.min(lo, effect);
    hi = m === 0 ? effect : Math.max(hi, effect);
    m += 1;
  }
  return [m > 0 ? s / m : 0, lo, hi, m];
}

/** Training rows with an outcome, in the order their outcomes became known. */
function knownTrainingRows(rows: EncodingRows, trainRows: ArrayLike<number>): Int32Array {
  return Int32Array.from(trainRows)
    .filter((r) => Number.isFinite(rows.knownAt[r]) && Number.isFinite(rows.y[r]))
    .sort((a, b) => (rows.knownAt[a] ?? 0) - (rows.knownAt[b] ?? 0) || a - b);
}

/**
 * Target encoding of a name's words, as of each row's time: a token's effect is the mean outcome
 * of the TRAINING rows containing it whose outcome was known strictly before this row's time
 * (never the row's own), shrunk toward the overall mean with `k` pseudo-rows, minus that mean.
 * Per row: the mean, lowest and highest effect over its tokens (`name_word_mean|min|max`, 0 when
 * none has data) and how many had data (`name_word_n`). Rows outside `trainRows` (the scored
 * ones) only ever read training outcomes, so their own outcomes cannot reach any feature.
 */
export function tokenEncoding(
  names: TokenizedNames,
  rows: EncodingRows,
  trainRows: ArrayLike<number>,
  options: TokenEncodingOptions = {},
): Map<string, Float64Array> {
  const k = options.k ?? 20;
  const df = tokenCounts(names, trainRows);
  const usable = (t: number) => (df[t] ?? 0) >= (options.minCount ?? 10);
  const n = rows.time.length;
  const cols = [0, 1, 2, 3].map(() => new Float64Array(n));
  const known = knownTrainingRows(rows, trainRows);
  const absorbed = new Uint8Array(n);
  const sums = new TokenSums(names.vocabulary.length);
  const byTime = Int32Array.from(rows.time.keys()).sort(
    (a, b) => (rows.time[a] ?? 0) - (rows.time[b] ?? 0) || a - b,
  );
  let j = 0;
  for (const i of byTime) {
    const t = rows.time[i] ?? 0;
    for (; j < known.length && (rows.knownAt[known[j] ?? 0] ?? 0) < t; j++) {
      const r = known[j] ?? 0;
      sums.add(names.tokens[r] ?? new Int32Array(), rows.y[r] ?? 0, 1);
      absorbed[r] = 1;
    }
    const own = names.tokens[i] ?? new Int32Array();
    // A row whose outcome was (oddly) known before its own time never reads itself.
    if (absorbed[i]) sums.add(own, rows.y[i] ?? 0, -1);
    rowEffects(own, sums, usable, k).forEach((v, c) => ((cols[c] as Float64Array)[i] = v));
    if (absorbed[i]) sums.add(own, rows.y[i] ?? 0, 1);
  }
  const out = new Map<string, Float64Array>();
  const prefix = options.prefix ?? 'name_word';
  ['mean', 'min', 'max', 'n'].forEach((s, c) => out.set(`${prefix}_${s}`, cols[c] as Float64Array));
  return out;
}
