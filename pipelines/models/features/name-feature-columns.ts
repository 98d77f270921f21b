import {
  tokenEncoding,
  type EncodingRows,
  type TokenEncodingOptions,
} from './name-token-encoding.ts';
import { nameTemplates, tokenIndicators, type TokenizedNames } from './name-tokens.ts';

/** Which features a milestone's name gives (every part learnt from the training rows only). */
export interface NameFeatureOptions extends TokenEncodingOptions {
  /** Target encoding of the words (`name_word_mean|min|max|n`); default on. */
  encoding?: boolean;
  /**
   * Also encode, per word, the share of rows exactly on plan (outcome 0) and under plan
   * (outcome < 0): an outcome with a point mass at 0 (SiP) has words that predict it.
   */
  shares?: boolean;
  /** Also encode the whole word sequence (recurring chores), from `templateMinCount` rows. */
  template?: boolean;
  templateMinCount?: number;
  /** 0/1 columns of this many of the training rows' most frequent words (0 = none). */
  topK?: number;
}

const shareTargets: [string, (y: number) => number][] = [
  ['name_exact', (y) => (Number.isNaN(y) ? NaN : y === 0 ? 1 : 0)],
  ['name_under', (y) => (Number.isNaN(y) ? NaN : y < 0 ? 1 : 0)],
];

/** The encodings of one tokenisation: of the outcome, and (with `shares`) of its atom shares. */
function encodings(
  names: TokenizedNames,
  rows: EncodingRows,
  trainRows: ArrayLike<number>,
  options: NameFeatureOptions & { prefix: string },
  keep: (column: string) => boolean,
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  const add = (cols: Map<string, Float64Array>) => {
    for (const [k, v] of cols) if (keep(k)) out.set(k, v);
  };
  add(tokenEncoding(names, rows, trainRows, options));
  if (!options.shares) return out;
  const suffix = options.prefix.replace(/^name_word/, '').replace(/^name_/, '_');
  for (const [prefix, f] of shareTargets) {
    const share = { ...rows, y: rows.y.map(f) };
    const cols = tokenEncoding(names, share, trainRows, { ...options, prefix: prefix + suffix });
    add(new Map([...cols].filter(([k]) => !k.endsWith('_n'))));
  }
  return out;
}

/**
 * A milestone name's features, for rows whose outcomes are `rows.y`: word encodings, the name's
 * template encoding and word indicators, each learnt from `trainRows` only and, inside them, as
 * of each row's time. Rows outside `trainRows` (scored or still open) never contribute.
 */
export function nameFeatureColumns(
  names: TokenizedNames,
  rows: EncodingRows,
  trainRows: ArrayLike<number>,
  options: NameFeatureOptions = {},
): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  if (options.encoding ?? true) {
    const cols = encodings(names, rows, trainRows, { ...options, prefix: 'name_word' }, () => true);
    for (const [k, v] of cols) out.set(k, v);
  }
  if (options.template) {
    const o = { ...options, minCount: options.templateMinCount ?? 2, prefix: 'name_template' };
    const whole = (k: string) => !/_(min|max)$/.test(k);
    for (const [k, v] of encodings(nameTemplates(names), rows, trainRows, o, whole)) out.set(k, v);
  }
  if (options.topK) {
    const top = { topK: options.topK, ...(options.minCount ? { minCount: options.minCount } : {}) };
    for (const [k, v] of tokenIndicators(names, trainRows, top)) out.set(k, v);
  }
  return out;
}
