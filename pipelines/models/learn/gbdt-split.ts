// Best split of one node from its histogram. Gain is the second-order loss reduction
// 0.5 * (GL^2/(HL+l2) + GR^2/(HR+l2) - G^2/(H+l2)), as in XGBoost / LightGBM.
//
// Numeric features: every threshold "bin <= t" is tried with the missing bin sent left and
// right; when the node has no missing rows, missing values go to the child with more rows
// (scikit-learn's rule), so unseen missingness at prediction time follows the majority.
// Categorical features: LightGBM's ordering. The node's categories (the missing bin counts as
// one) are sorted by G / (H + smoothing) and every prefix of that order is tried as the left
// set. For squared-type losses this finds the best of all 2^k partitions in k steps (Fisher
// 1958); it also handles many levels where one-vs-rest would miss grouped effects.
import type { HistogramLayout } from './gbdt-histograms.ts';

export interface SplitRules {
  readonly l2: number;
  readonly minSamplesLeaf: number;
  readonly minHessianLeaf: number;
  readonly minGainToSplit: number;
  readonly categoricalSmoothing: number;
}

export interface NodeTotals {
  readonly g: number;
  readonly h: number;
  readonly c: number;
}

export interface SplitCandidate {
  readonly gain: number;
  readonly feature: number;
  /** Numeric: the last value bin sent left. Categorical: -1. */
  readonly threshold: number;
  readonly missingLeft: boolean;
  /** Categorical: the bins sent left; every other bin goes right. */
  readonly leftBins: Int32Array | null;
  readonly left: NodeTotals;
  readonly right: NodeTotals;
}

/** Mutable best-so-far, so the scans allocate nothing per threshold. */
class Best {
  gain = 0;
  feature = -1;
  threshold = -1;
  missingLeft = false;
  leftBins: Int32Array | null = null;
  gL = 0;
  hL = 0;
  cL = 0;
}

// Scratch for ordering categories; a node has at most 256 bins.
const catBins = new Int32Array(256);
const catKeys = new Float64Array(256);

export function findBestSplit(
  hist: Float64Array,
  layout: HistogramLayout,
  categorical: Uint8Array,
  selected: Int32Array,
  totals: NodeTotals,
  rules: SplitRules,
): SplitCandidate | null {
  const best = new Best();
  best.gain = rules.minGainToSplit;
  for (let k = 0; k < selected.length; k++) {
    const feature = selected[k] as number;
    if (categorical[feature]) scanCategorical(hist, layout, feature, totals, rules, best);
    else scanNumeric(hist, layout, feature, totals, rules, best);
  }
  if (best.feature < 0) return null;
  const left = { g: best.gL, h: best.hL, c: best.cL };
  const right = { g: totals.g - best.gL, h: totals.h - best.hL, c: totals.c - best.cL };
  return {
    gain: best.gain,
    feature: best.feature,
    threshold: best.threshold,
    missingLeft: best.missingLeft,
    leftBins: best.leftBins,
    left,
    right,
  };
}

/** Gain of a candidate, or -Infinity when a side breaks the leaf constraints. */
function splitGain(gL: number, hL: number, cL: number, t: NodeTotals, rules: SplitRules): number {
  const gR = t.g - gL;
  const hR = t.h - hL;
  const cR = t.c - cL;
  if (cL < rules.minSamplesLeaf || cR < rules.minSamplesLeaf) return Number.NEGATIVE_INFINITY;
  if (hL < rules.minHessianLeaf || hR < rules.minHessianLeaf) return Number.NEGATIVE_INFINITY;
  const l2 = rules.l2;
  return 0.5 * ((gL * gL) / (hL + l2) + (gR * gR) / (hR + l2) - (t.g * t.g) / (t.h + l2));
}

function scanNumeric(
  hist: Float64Array,
  layout: HistogramLayout,
  feature: number,
  t: NodeTotals,
  rules: SplitRules,
  best: Best,
): void {
  const s = layout.stride;
  const o = layout.offsets[feature] as number;
  const valueBins = (layout.nBins[feature] as number) - 1;
  const om = o + valueBins * s;
  const gM = hist[om] as number;
  const hM = hist[om + 1] as number;
  const cM = s === 3 ? (hist[om + 2] as number) : hM;
  let gL = 0;
  let hL = 0;
  let cL = 0;
  for (let b = 0; b < valueBins; b++) {
    const ob = o + b * s;
    gL += hist[ob] as number;
    hL += hist[ob + 1] as number;
    cL += s === 3 ? (hist[ob + 2] as number) : (hist[ob + 1] as number);
    const right = splitGain(gL, hL, cL, t, rules);
    if (right > best.gain)
      record(best, right, feature, b, gL, hL, cL, cM > 0 ? false : cL >= t.c - cL);
    if (cM > 0) {
      const left = splitGain(gL + gM, hL + hM, cL + cM, t, rules);
      if (left > best.gain) record(best, left, feature, b, gL + gM, hL + hM, cL + cM, true);
    }
  }
}

function record(
  best: Best,
  gain: number,
  feature: number,
  threshold: number,
  gL: number,
  hL: number,
  cL: number,
  missingLeft: boolean,
): void {
  best.gain = gain;
  best.feature = feature;
  best.threshold = threshold;
  best.missingLeft = missingLeft;
  best.leftBins = null;
  best.gL = gL;
  best.hL = hL;
  best.cL = cL;
}

function scanCategorical(
  hist: Float64Array,
  layout: HistogramLayout,
  feature: number,
  t: NodeTotals,
  rules: SplitRules,
  best: Best,
): void {
  const s = layout.stride;
  const o = layout.offsets[feature] as number;
  const nBins = layout.nBins[feature] as number;
  let k = 0;
  for (let b = 0; b < nBins; b++) {
    const ob = o + b * s;
    const c = s === 3 ? (hist[ob + 2] as number) : (hist[ob + 1] as number);
    if (c <= 0) continue;
    // Insertion sort by G / (H + smoothing); equal keys keep bin order, so results are stable.
    const key = (hist[ob] as number) / ((hist[ob + 1] as number) + rules.categoricalSmoothing);
    let j = k++;
    while (j > 0 && (catKeys[j - 1] as number) > key) {
      catKeys[j] = catKeys[j - 1] as number;
      catBins[j] = catBins[j - 1] as number;
      j--;
    }
    catKeys[j] = key;
    catBins[j] = b;
  }
  let gL = 0;
  let hL = 0;
  let cL = 0;
  let bestPrefix = 0;
  let bestGain = best.gain;
  for (let i = 0; i < k - 1; i++) {
    const ob = o + (catBins[i] as number) * s;
    gL += hist[ob] as number;
    hL += hist[ob + 1] as number;
    cL += s === 3 ? (hist[ob + 2] as number) : (hist[ob + 1] as number);
    const gain = splitGain(gL, hL, cL, t, rules);
    if (gain > bestGain) {
      bestGain = gain;
      bestPrefix = i + 1;
      record(best, gain, feature, -1, gL, hL, cL, false);
    }
  }
  if (bestPrefix > 0) best.leftBins = catBins.slice(0, bestPrefix).sort();
}
