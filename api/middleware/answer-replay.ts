import type { MiddlewareHandler } from 'hono';
import { sendCachedBody } from '../cached-json.ts';
import type { AnswerReplays } from '../replay/answer-replays.ts';

/**
 * Replays cached answers without routing, query validation or the handler: the last step of the
 * API's gate (api/auth/guard.ts), so authentication, CSRF, the rate limit and the role check have
 * all run. GETs only, keyed by the request target (path and query) and the caller's brand scope,
 * for the data version the body was computed for (api/replay/answer-replays.ts). Only GETs
 * answered by cachedJson() are kept, so a replay is byte for byte what the route would answer
 * (the route's own cache is keyed by the validated query and the same scope). The server replays
 * most of them before the app even sees the request (api/replay/node-replay.ts); this one serves
 * the rest (app.request() in tests, a client that wants deflate).
 */
export function answerReplay(replays: AnswerReplays | null): MiddlewareHandler {
  if (!replays) return (_c, next) => next();
  return async (c, next) => {
    const scope = c.get('scope');
    // Public paths have no caller (and no cached answers); null is an all-brands caller.
    if (c.req.method !== 'GET' || scope === undefined) return next();
    const target = requestTarget(c.req.url);
    const kept = await replays.find(target, scope);
    if (kept) return sendCachedBody(c, kept.body);
    await next();
    const answer = c.get('cachedAnswer');
    if (answer && (c.res.status === 200 || c.res.status === 304)) {
      replays.keep(target, scope, answer);
    }
  };
}

/** Path and query string of an absolute URL, as the client sent them (http://h/a?b -> /a?b). */
export function requestTarget(url: string): string {
  const slash = url.indexOf('/', url.indexOf('//') + 2);
  return slash < 0 ? '/' : url.slice(slash);
}
