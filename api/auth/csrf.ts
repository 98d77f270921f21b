import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';
import type { Caller } from './caller.ts';
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
    if (csrfRefused(c.get('auth'), c.req.method, c.req.header('X-CSRF-Token'))) {
      throw new ApiError(
        403,
        'csrf_failed',
        'Missing or wrong X-CSRF-Token header (copy it from the milepost_csrf cookie or GET /api/me)',
      );
    }
    await next();
  };
}

/** True when a cookie session's state-changing request lacks the session's CSRF token. */
export function csrfRefused(
  caller: Caller | undefined,
  method: string,
  csrfHeader: string | undefined,
): boolean {
  if (caller?.via !== 'session' || safeMethods.has(method)) return false;
  return !csrfMatches(caller.sessionId ?? '', csrfHeader);
}
