export interface RateLimit {
  /** Requests per second refilled into each bucket. */
  perSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell. */
  burst: number;
}

export const defaultRateLimit: RateLimit = { perSecond: 50, burst: 200 };

/**
 * Token buckets by key. `take` answers 0 when a request may go ahead, or the seconds until one
 * may. Time comes in as milliseconds so tests can drive it.
 */
export function tokenBuckets(limit: RateLimit) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key: string, nowMs: number): number {
      const b = buckets.get(key) ?? { tokens: limit.burst, at: nowMs };
      const refilled = Math.min(limit.burst, b.tokens + ((nowMs - b.at) / 1000) * limit.perSecond);
      if (refilled >= 1) {
        buckets.set(key, { tokens: refilled - 1, at: nowMs });
        return 0;
      }
      buckets.set(key, { tokens: refilled, at: nowMs });
      return (1 - refilled) / limit.perSecond;
    },
  };
}

export type TokenBuckets = ReturnType<typeof tokenBuckets>;

/** Parses MILEPOST_RATE_LIMIT: `50/200` (per second / burst), `50` (burst 4x), or `off`. */
export function parseRateLimit(text: string | undefined): RateLimit | null {
  if (text === undefined || text.trim() === '') return defaultRateLimit;
  if (text.trim() === 'off') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+))?\s*$/.exec(text);
  const perSecond = Number(m?.[1]);
  const burst = m?.[2] === undefined ? perSecond * 4 : Number(m[2]);
  if (!m || !(perSecond > 0) || !(burst >= 1)) {
    throw new Error(
      `Invalid MILEPOST_RATE_LIMIT '${text}': give e.g. 50/200 (per second/burst) or off`,
    );
  }
  return { perSecond, burst };
}
