// Submissions, revision requests and the final verdict of one milestone, laid out backwards from
// the verdict day: first the verdict is placed (on time or late, see milestone-outcome.ts), then
// the review rounds that led to it. The verification lag (approval - first submission) thus
// includes the brand's review speed and the partner's rework.
import type { Rng } from '../random/prng.ts';

export interface ReviewTimeline {
  /** Submission days: the first one, then one per revision round. */
  readonly submissions: readonly number[];
  /** Revision request days, one per round (request i follows submission i - 1). */
  readonly revisionRequests: readonly number[];
}

/**
 * `rounds` revision rounds ending in a verdict on `verdictDay`, all strictly after `workStart`.
 * When the reviews would not fit in the window they are compressed proportionally.
 */
export function reviewTimeline(
  rng: Rng,
  workStart: number,
  verdictDay: number,
  rounds: number,
  reviewDays: number,
): ReviewTimeline {
  const reviews: number[] = [];
  const reworks: number[] = [];
  let total = 0;
  for (let i = 0; i <= rounds; i++) {
    const review = Math.max(0.5, reviewDays * Math.exp(0.5 * rng.normal()));
    reviews.push(review);
    total += review;
    if (i > 0) {
      const rework = rng.uniform(2, 8);
      reworks.push(rework);
      total += rework;
    }
  }
  const room = Math.max(0, verdictDay - workStart - 1);
  const scale = total > room ? room / total : 1;
  const submissions = new Array<number>(rounds + 1);
  const revisionRequests = new Array<number>(rounds);
  let back = 0;
  for (let i = rounds; i >= 0; i--) {
    back += (reviews[i] ?? 0) * scale;
    submissions[i] = verdictDay - Math.round(back);
    if (i > 0) {
      back += (reworks[i - 1] ?? 0) * scale;
      revisionRequests[i - 1] = verdictDay - Math.round(back);
    }
  }
  return { submissions, revisionRequests };
}
