// Outcomes with an atom: in effort data a third of tasks book exactly the estimate, so
// ln(actual / estimate) is exactly 0 for them. A quantile forecast that lands near the atom but
// not on it pays the pinball loss of the whole atom; snapping forecasts within a band of the atom
// onto it recovers that. The band is chosen per level on a calibration window (never a test one).

import { pinballLoss } from './metrics.ts';

export interface AtomSnap {
  readonly level: number;
  readonly atom: number;
  /** Forecasts with |q - atom| < band are set to the atom (0 = no snapping). */
  readonly band: number;
}

export const atomBands = [0, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3] as const;

export function applyAtomSnap(snap: AtomSnap, q: Float64Array): Float64Array {
  const { atom, band } = snap;
  return q.map((v) => (Math.abs(v - atom) < band ? atom : v));
}

/** The band of `bands` with the least pinball loss at `level` on the calibration rows. */
export function fitAtomSnap(
  y: ArrayLike<number>,
  q: Float64Array,
  level: number,
  atom = 0,
  bands: readonly number[] = atomBands,
): AtomSnap {
  let best: AtomSnap = { level, atom, band: 0 };
  let bestLoss = pinballLoss(y, q, level);
  for (const band of bands) {
    const snap = { level, atom, band };
    const loss = pinballLoss(y, applyAtomSnap(snap, q), level);
    if (loss < bestLoss - 1e-12) [best, bestLoss] = [snap, loss];
  }
  return best;
}
