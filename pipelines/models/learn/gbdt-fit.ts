// The boosting loop: start from a constant (or a warm-start model), then per iteration draw
// rows and features, compute gradients, grow a tree, re-fit quantile leaves, and add the tree
// to the training (and validation) scores. Early stopping watches the loss on a validation set
// the caller supplies (a time-ordered tail: nothing here shuffles rows) and keeps the trees up
// to the best iteration.
import { rngFor } from '../../random/prng.ts';
import type { FeatureMatrix } from './feature-matrix.ts';
import { asDataset, gbdtDataset } from './gbdt-dataset.ts';
import type { GbdtDataset } from './gbdt-dataset.ts';
import { growContext, growTree } from './gbdt-grow.ts';
import { addInSampleScores, refitQuantileLeaves, weightCovers } from './gbdt-leaves.ts';
import {
  checkTarget,
  computeGradients,
  hessianIsCount,
  initialScore,
  meanLoss,
} from './gbdt-loss.ts';
import type { GbdtModel } from './gbdt-model.ts';
import { resolveParams } from './gbdt-params.ts';
import type { GbdtLoss, GbdtParams, GbdtParamsInput } from './gbdt-params.ts';
import { addForestScores, forestOf } from './gbdt-predict.ts';
import { sampleFeatures, sampleRows } from './gbdt-sample.ts';
import { addTreeScores, treeScoreScratch } from './gbdt-tree-scores.ts';
import type { GbdtTree } from './gbdt-tree.ts';
import { warmStartScores } from './gbdt-warm-start.ts';
import type { ScoredRows } from './gbdt-warm-start.ts';

export interface GbdtFitOptions extends GbdtParamsInput {
  /** Early-stopping data: binned with the training mapper; its weights weight the loss. */
  readonly validation?: {
    readonly data: FeatureMatrix | GbdtDataset;
    readonly target: ArrayLike<number>;
  };
  /**
   * Continue from this model (fitted on data binned the same way): its trees are kept and new
   * ones added. For a quantile loss the start is also shifted by the alpha-quantile of the
   * residuals, so e.g. a P90 model starts from the P50 model plus a constant.
   */
  readonly warmStart?: GbdtModel;
  /** The warm-start model's raw scores on these rows (from its fit result), to skip predicting them. */
  readonly warmStartScores?: {
    readonly train: Float64Array;
    readonly validation?: Float64Array | null;
  };
  /** Value bins per feature when `data` is a matrix (default 255). */
  readonly maxBins?: number;
}

export interface GbdtFitResult {
  readonly model: GbdtModel;
  /** The model's raw scores on the training rows (and validation rows), as a by-product. */
  readonly trainScores: Float64Array;
  readonly validationScores: Float64Array | null;
}

// Seed streams, so row draws and feature draws never share random numbers.
const ROW_STREAM = 1;
const FEATURE_STREAM = 2;

export function fitGbdt(
  data: FeatureMatrix | GbdtDataset,
  target: ArrayLike<number>,
  options: GbdtFitOptions,
): GbdtModel {
  // The caller drops the scores: the trees after the best iteration need not be taken back out.
  return fitWithScores(data, target, options, false).model;
}

/** fitGbdt, also returning the fitted scores (e.g. to warm-start other models without predicting). */
export function fitGbdtDetailed(
  data: FeatureMatrix | GbdtDataset,
  target: ArrayLike<number>,
  options: GbdtFitOptions,
): GbdtFitResult {
  return fitWithScores(data, target, options, true);
}

function fitWithScores(
  data: FeatureMatrix | GbdtDataset,
  target: ArrayLike<number>,
  options: GbdtFitOptions,
  exactScores: boolean,
): GbdtFitResult {
  const params = resolveParams(options);
  const ds = isDataset(data)
    ? data
    : gbdtDataset(data, { maxBins: options.maxBins, seed: params.seed });
  const train = scoredRows(ds, target, params.loss);
  const v = options.validation;
  const valid = v ? scoredRows(asDataset(v.data, ds.mapper), v.target, params.loss) : null;
  const warm = options.warmStart;
  const known = options.warmStartScores;
  const sets = [
    { rows: train, known: known?.train },
    ...(valid ? [{ rows: valid, known: known?.validation }] : []),
  ];
  const baseScore = warm
    ? warmStartScores(warm, sets, params.loss)
    : initialScore(params.loss, train.y, ds.weights);
  if (!warm) for (const { rows } of sets) rows.raw.fill(baseScore);
  const trees = boost(train, valid, params, exactScores);
  const model: GbdtModel = {
    loss: params.loss,
    params,
    baseScore,
    mapper: ds.mapper,
    featureNames: ds.names,
    trees: [...(warm?.trees ?? []), ...trees.kept],
    warmStartTrees: warm?.trees.length ?? 0,
    validationLoss: trees.validationLoss,
  };
  return { model, trainScores: train.raw, validationScores: valid?.raw ?? null };
}

function isDataset(data: FeatureMatrix | GbdtDataset): data is GbdtDataset {
  return 'kind' in data && data.kind === 'gbdt-dataset';
}

function scoredRows(ds: GbdtDataset, target: ArrayLike<number>, loss: GbdtLoss): ScoredRows {
  if (target.length !== ds.rows)
    throw new RangeError(`target has ${target.length} rows, data ${ds.rows}`);
  const y = Float64Array.from(target);
  checkTarget(loss, y);
  return { ds, y, raw: new Float64Array(ds.rows) };
}

function boost(
  train: ScoredRows,
  valid: ScoredRows | null,
  params: GbdtParams,
  exactScores: boolean,
): { kept: GbdtTree[]; validationLoss: number[] } {
  const { ds } = train;
  const w = ds.weights;
  const ctx = growContext(ds, params, hessianIsCount(params.loss, w) ? 2 : 3);
  const idx = new Uint32Array(ds.rows);
  const outIdx = new Uint32Array(ds.rows);
  const scratch = treeScoreScratch(Math.max(ds.rows, valid?.ds.rows ?? 0), ctx.builder.capacity);
  const validRows = Uint32Array.from({ length: valid?.ds.rows ?? 0 }, (_, i) => i);
  const og = new Float64Array(ds.rows);
  const oh = new Float64Array(ds.rows);
  const inSample = new Uint8Array(ds.rows);
  const trees: GbdtTree[] = [];
  const stop = new EarlyStopping(params);
  if (valid) stop.observe(meanLoss(params.loss, valid.y, valid.raw, valid.ds.weights), 0);
  for (let iter = 0; iter < params.maxIterations && !stop.done; iter++) {
    const m = sampleRows(
      rngFor(params.seed, ROW_STREAM, iter),
      ds.rows,
      params.subsample,
      idx,
      inSample,
      outIdx,
    );
    const selected = sampleFeatures(
      rngFor(params.seed, FEATURE_STREAM, iter),
      ds.featureCount,
      params.colsample,
    );
    computeGradients(params.loss, train.y, train.raw, w, idx, m, og, oh);
    growTree(ctx, idx, og, oh, m, selected);
    if (params.loss.kind === 'quantile') {
      refitQuantileLeaves(ctx, idx, train.y, train.raw, w, params.loss.alpha);
    }
    if (w) weightCovers(ctx, idx, w);
    const tree = ctx.builder.finish();
    addInSampleScores(ctx, tree, idx, train.raw);
    // Only the new tree's leaf values are added, to the rows not drawn and the validation rows.
    if (m < ds.rows) addTreeScores(tree, ds, train.raw, outIdx, ds.rows - m, scratch);
    trees.push(tree);
    if (valid) {
      addTreeScores(tree, valid.ds, valid.raw, validRows, validRows.length, scratch);
      stop.observe(meanLoss(params.loss, valid.y, valid.raw, valid.ds.weights), trees.length);
    }
  }
  const kept = valid ? trees.slice(0, stop.bestTrees) : trees;
  if (exactScores && kept.length < trees.length) {
    // Take the trees after the best iteration back out of the scores handed to the caller.
    const dropped = forestOf(trees.slice(kept.length));
    for (const rows of valid ? [train, valid] : [train]) {
      const extra = new Float64Array(rows.raw.length);
      addForestScores(dropped, rows.ds, extra);
      for (let i = 0; i < extra.length; i++)
        rows.raw[i] = (rows.raw[i] as number) - (extra[i] as number);
    }
  }
  return { kept, validationLoss: stop.history };
}

/** Tracks the best validation loss; done after `earlyStoppingRounds` trees without improvement. */
class EarlyStopping {
  readonly history: number[] = [];
  bestTrees = 0;
  done = false;
  private best = Number.POSITIVE_INFINITY;

  constructor(private readonly params: GbdtParams) {}

  observe(loss: number, trees: number): void {
    this.history.push(loss);
    if (loss < this.best - this.params.earlyStoppingTolerance) {
      this.best = loss;
      this.bestTrees = trees;
    } else if (trees - this.bestTrees >= this.params.earlyStoppingRounds) {
      this.done = true;
    }
  }
}
