// The shared partner shock of every run (the copula's z_p, already scaled by sqrt(rho)). It
// depends only on (seed, partner id, runs, rho), so a portfolio run draws each partner's shocks
// once and hands the same array to all of that partner's projects; the numbers are the ones a
// single-project run draws.
import { normalFromBits } from './normal.ts';
import { partnerStream } from './stream-keys.ts';

/** Partner id to its shocks for every run (a source may hand back the same array again). */
export type ShockSource = (partnerId: string) => Float64Array;

/** Default budget of cached shocks: 8M doubles (64 MB), e.g. 800 partners at 10,000 runs. */
const MAX_CACHED_VALUES = 8_000_000;

export function drawPartnerShocks(
  seed: number,
  partnerId: string,
  rho: number,
  out: Float64Array,
): Float64Array {
  if (!(rho > 0)) return out.fill(0);
  const rng = partnerStream(seed, partnerId);
  const scale = Math.sqrt(rho);
  for (let r = 0; r < out.length; r++) out[r] = scale * normalFromBits(rng.nextUint32());
  return out;
}

/** Draws fresh arrays on every call (one project: each partner is asked for once). */
export function freshShocks(seed: number, runs: number, rho: number): ShockSource {
  return (partnerId) => drawPartnerShocks(seed, partnerId, rho, new Float64Array(runs));
}

/**
 * Keeps each partner's shocks for the whole portfolio run, up to `maxValues` doubles; past the
 * budget, partners not seen yet are drawn afresh on every call (same numbers, more time).
 */
export function cachedShocks(
  seed: number,
  runs: number,
  rho: number,
  maxValues = MAX_CACHED_VALUES,
): ShockSource {
  const cache = new Map<string, Float64Array>();
  const fresh = freshShocks(seed, runs, rho);
  return (partnerId) => {
    let shocks = cache.get(partnerId);
    if (shocks) return shocks;
    shocks = fresh(partnerId);
    if ((cache.size + 1) * runs <= maxValues) cache.set(partnerId, shocks);
    return shocks;
  };
}
