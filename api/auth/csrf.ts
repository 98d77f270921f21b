import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';
import { csrfMatches } from './csrf-token.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser sends the session cookie with any request to this origin; SameSite=Strict already
 * stops cross-site ones, and this check stops the rest: a state-changing request made with the
 * cookie must echo the session's CSRF token in X-CSRF-Token. Bearer requests need no check, as a
 * browser never adds an Authorization header on its own.
 */
export function csrfCheck(): MiddlewareHandler {
  return async (c, next) => {
    const caller = c.get('auth');
    if (caller?.via === 'session' && !safeMethods.has(c.req.method)) {
      if (!csrfMatches(caller.sessionId ?? '', c.req.header('X-CSRF-Token'))) {
        throw new ApiError(
          403,
          'csrf_failed',
          'Missing or wrong X-CSRF-Token header (copy it from the milepost_csrf cookie or GET /api/me)',
        );
      }
    }
    await next();
  };
}
