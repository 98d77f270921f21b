// The fitted model: everything needed to predict and explain, and to store as JSON.
import type { BinMapper } from './bin-features.ts';
import type { GbdtLoss, GbdtParams } from './gbdt-params.ts';
import type { GbdtTree } from './gbdt-tree.ts';

export interface GbdtModel {
  readonly loss: GbdtLoss;
  readonly params: GbdtParams;
  /** Raw score before any tree (log-odds for logistic). */
  readonly baseScore: number;
  readonly mapper: BinMapper;
  readonly featureNames: readonly string[];
  /** Warm-start trees first, then this fit's trees (early stopping already applied). */
  readonly trees: readonly GbdtTree[];
  /** How many of `trees` came from the warm-start model. */
  readonly warmStartTrees: number;
  /** Validation loss before the first tree and after each tree of this fit (empty without validation). */
  readonly validationLoss: readonly number[];
}
