import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../errors.ts';
import { tokenBuckets, type RateLimit } from './token-bucket.ts';

/**
 * Per-token rate limit (after authentication; public paths are not limited). Every role is
 * limited, admins too: a leaked or looping admin script should not starve the dashboard.
 */
export function rateLimit(limit: RateLimit | null, nowMs: () => number): MiddlewareHandler {
  if (!limit) return (_c, next) => next();
  const buckets = tokenBuckets(limit);
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
