// Random streams are keyed by names, not positions: a milestone draws from (seed, project,
// milestone id) and a partner shock from (seed, partner id). Reordering milestones or changing
// one in a what-if leaves every other draw as it was (common random numbers), and the same
// partner gets the same shock in every project of a portfolio run with one seed.
import { rngFor } from '../random/prng.ts';
import type { Rng } from '../random/prng.ts';

const MILESTONE_STREAM = 0x6d730001;
const PARTNER_STREAM = 0x70730002;
const CASH_STREAM = 0x63730003;

/** FNV-1a over UTF-16 code units. */
export function hashKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function milestoneStream(seed: number, projectKey: string, milestoneId: string): Rng {
  return rngFor(seed, MILESTONE_STREAM, hashKey(projectKey), hashKey(milestoneId));
}

export function partnerStream(seed: number, partnerId: string): Rng {
  return rngFor(seed, PARTNER_STREAM, hashKey(partnerId));
}

export function cashStream(seed: number, index: number, milestoneId: string): Rng {
  return rngFor(seed, CASH_STREAM, index, hashKey(milestoneId));
}

/** A uniform strictly inside (0, 1), so normal quantiles stay finite. */
export function openUniform(rng: Rng): number {
  return (rng.nextUint32() + 0.5) * 2.3283064365386963e-10;
}
