import type { MiddlewareHandler } from 'hono';
import { VersionedCache } from '../../pipelines/cache/versioned-cache.ts';
import { sendCachedBody, type CachedBody } from '../cached-json.ts';

/**
 * Replays cached answers without routing, query validation or the handler: the last step of the
 * API's gate (api/auth/guard.ts), so authentication, CSRF, the rate limit and the role check have
 * all run. GETs only, keyed by the exact URL and the caller's brand scope; an entry holds the
 * data version its body was computed for, and answers only while the warehouse is at that
 * version. Only GETs answered by cachedJson() are kept, so a replay is byte for byte what the
 * route would answer (the route's own cache is keyed by the validated query and the same scope).
 */
export function answerReplay(
  dataVersion: (() => Promise<string | null>) | undefined,
  maxEntries = 2000,
): MiddlewareHandler {
  if (!dataVersion) return (_c, next) => next();
  const replays = new VersionedCache<CachedBody>(maxEntries);
  return async (c, next) => {
    const scope = c.get('scope');
    // Public paths have no caller (and no cached answers); null is an all-brands caller.
    if (c.req.method !== 'GET' || scope === undefined) return next();
    const key = `${c.req.url} ${JSON.stringify(scope)}`;
    const version = await dataVersion();
    const kept = version === null ? undefined : replays.peek(key, version);
    if (kept) return sendCachedBody(c, await kept);
    await next();
    const answer = c.get('cachedAnswer');
    if (answer && (c.res.status === 200 || c.res.status === 304)) {
      void replays.get(key, answer.version, () => Promise.resolve(answer.body));
    }
  };
}
