// Parameters of the histogram GBDT, their defaults and their checks. Defaults follow
// LightGBM / scikit-learn's HistGradientBoosting where the two agree.

export type GbdtLoss =
  | { readonly kind: 'logistic' }
  | { readonly kind: 'squared' }
  | { readonly kind: 'quantile'; readonly alpha: number };

export interface GbdtParams {
  readonly loss: GbdtLoss;
  /** Shrinkage applied to every leaf value. */
  readonly learningRate: number;
  readonly maxIterations: number;
  /** Leaf-wise growth stops at this many leaves. */
  readonly maxLeaves: number;
  /** Depth limit (root = depth 0); Infinity = none. */
  readonly maxDepth: number;
  /** Minimum (unweighted) training rows in a leaf. */
  readonly minSamplesLeaf: number;
  /** Minimum hessian sum in a leaf (guards logistic leaves that are almost pure). */
  readonly minHessianLeaf: number;
  /** L2 penalty on leaf values: leaf = -G / (H + l2). */
  readonly l2: number;
  /** A split must reduce the loss by more than this. */
  readonly minGainToSplit: number;
  /** Share of rows drawn (without replacement, per tree) to grow each tree. */
  readonly subsample: number;
  /** Share of features drawn per tree. */
  readonly colsample: number;
  /** Added to the hessian when ordering categories by gradient / hessian (LightGBM's cat_smooth). */
  readonly categoricalSmoothing: number;
  /** Stop when the validation loss has not improved for this many iterations. */
  readonly earlyStoppingRounds: number;
  /** Improvement smaller than this (absolute) does not count. */
  readonly earlyStoppingTolerance: number;
  readonly seed: number;
}

export type GbdtParamsInput = Partial<GbdtParams> & { readonly loss: GbdtLoss };

export const GBDT_DEFAULTS: Omit<GbdtParams, 'loss'> = {
  learningRate: 0.1,
  maxIterations: 100,
  maxLeaves: 31,
  maxDepth: Number.POSITIVE_INFINITY,
  minSamplesLeaf: 20,
  minHessianLeaf: 1e-3,
  l2: 0,
  minGainToSplit: 0,
  subsample: 1,
  colsample: 1,
  categoricalSmoothing: 10,
  earlyStoppingRounds: 10,
  earlyStoppingTolerance: 1e-7,
  seed: 0,
};

export function resolveParams(input: GbdtParamsInput): GbdtParams {
  const p: GbdtParams = { ...GBDT_DEFAULTS, ...knownParams(input), loss: input.loss };
  const checks: [boolean, string][] = [
    [p.learningRate > 0, 'learningRate must be > 0'],
    [
      Number.isInteger(p.maxIterations) && p.maxIterations >= 0,
      'maxIterations must be an integer >= 0',
    ],
    [p.maxLeaves >= 2, 'maxLeaves must be >= 2'],
    [p.maxDepth >= 1, 'maxDepth must be >= 1'],
    [Number.isFinite(Math.min(p.maxLeaves, 2 ** p.maxDepth)), 'set maxLeaves or maxDepth'],
    [p.minSamplesLeaf >= 1, 'minSamplesLeaf must be >= 1'],
    [p.minHessianLeaf >= 0 && p.l2 >= 0 && p.minGainToSplit >= 0, 'penalties must be >= 0'],
    [p.subsample > 0 && p.subsample <= 1, 'subsample must be in (0, 1]'],
    [p.colsample > 0 && p.colsample <= 1, 'colsample must be in (0, 1]'],
    [p.categoricalSmoothing >= 0, 'categoricalSmoothing must be >= 0'],
    [p.earlyStoppingRounds >= 1, 'earlyStoppingRounds must be >= 1'],
  ];
  if (p.loss.kind === 'quantile') {
    checks.push([p.loss.alpha > 0 && p.loss.alpha < 1, 'quantile alpha must be in (0, 1)']);
  }
  const failed = checks.filter(([ok]) => !ok).map(([, message]) => message);
  if (failed.length > 0) throw new RangeError(`Invalid GBDT parameters: ${failed.join('; ')}`);
  return p;
}

/** Leaves a tree can have given both limits. */
export function leafBudget(p: GbdtParams): number {
  return Math.min(p.maxLeaves, 2 ** Math.min(p.maxDepth, 30));
}

/** The parameters set in `input`; other keys (fit options such as a warm-start model) are left out. */
function knownParams(input: object): Partial<GbdtParams> {
  const entries = Object.entries(input).filter(([k, v]) => k in GBDT_DEFAULTS && v !== undefined);
  return Object.fromEntries(entries) as Partial<GbdtParams>;
}
