import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../errors.ts';
import { tokenBuckets, type RateLimit, type TokenBuckets } from './token-bucket.ts';

/**
 * Per-token rate limit (after authentication; public paths are not limited). Every role is
 * limited, admins too: a leaked or looping admin script should not starve the dashboard. The
 * buckets may be shared with the server's replay of cached answers (api/replay/node-replay.ts).
 */
export function rateLimit(
  limit: RateLimit | null,
  nowMs: () => number,
  buckets: TokenBuckets | null = limit && tokenBuckets(limit),
): MiddlewareHandler {
  if (!limit || !buckets) return (_c, next) => next();
  return async (c, next) => {
    const caller = c.get('auth');
    if (!caller) return next();
    const waitSeconds = buckets.take(caller.tokenId, nowMs());
    if (waitSeconds > 0) {
      const retryAfter = Math.max(1, Math.ceil(waitSeconds));
      c.header('Retry-After', String(retryAfter));
      return c.json(
        errorBody('rate_limited', `Too many requests: try again in ${retryAfter} s`, {
          perSecond: limit.perSecond,
          burst: limit.burst,
        }),
        429,
      );
    }
    await next();
  };
}
