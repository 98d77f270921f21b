import { Rng } from '../random/prng.ts';
import {
  didFigures,
  nControl,
  nTreated,
  stackedCounts,
  type DidFigures,
  type DidInputs,
} from './stacked-did.ts';

// Brand-clustered bootstrap of the stacked DiD: milestones of one brand share its habits, so
// brands, not milestones, are resampled (treated and control brands separately, with
// replacement). Seeded, so the same data and seed give the same intervals.

export interface BootstrapDraws {
  readonly onTime: DidFigures[];
  readonly dispute: DidFigures[];
}

export function bootstrapDid(x: DidInputs, replicates: number, seed: number): BootstrapDraws {
  const rng = new Rng(seed);
  const onTime: DidFigures[] = [];
  const dispute: DidFigures[] = [];
  for (let b = 0; b < replicates; b++) {
    const counts = stackedCounts(x, draw(rng, nTreated(x)), draw(rng, nControl(x)));
    onTime.push(didFigures(counts, 0));
    dispute.push(didFigures(counts, 2));
  }
  return { onTime, dispute };
}

/** How often each of n items is drawn in n draws with replacement. */
function draw(rng: Rng, n: number): Float64Array {
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = rng.int(0, n - 1);
    w[i] = (w[i] ?? 0) + 1;
  }
  return w;
}

/** The central `level` percentile interval of the non-null values; null when too few. */
export function percentileInterval(
  values: readonly (number | null)[],
  level = 0.95,
): [number, number] | null {
  const xs = values
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (xs.length < 10) return null;
  const at = (p: number) => {
    const pos = (xs.length - 1) * p;
    const lo = Math.floor(pos);
    const a = xs[lo] as number;
    const b = xs[Math.min(lo + 1, xs.length - 1)] as number;
    return a + (pos - lo) * (b - a);
  };
  return [at((1 - level) / 2), at(1 - (1 - level) / 2)];
}
