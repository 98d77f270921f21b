import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../errors.ts';
import type { Authenticator } from './authenticator.ts';
import { readCredentials } from './credentials.ts';
import { isPublicApiPath } from './public-paths.ts';

const challenge = 'Bearer realm="milepost"';

/**
 * Who is calling: sets `auth` (the caller) and `scope` (its brands, null = all) on the context, or
 * answers 401. Public paths pass through with neither set, so scopeOf() fails there on purpose.
 */
export function authenticate(authenticator: Authenticator): MiddlewareHandler {
  return async (c, next) => {
    if (isPublicApiPath(c.req.path)) return next();
    const credentials = readCredentials(c);
    if (credentials.kind === 'none') {
      c.header('WWW-Authenticate', challenge);
      return c.json(
        errorBody(
          'unauthorized',
          'Sign in first: send `Authorization: Bearer <token>`, or open the sign-in link in a browser',
        ),
        401,
      );
    }
    const caller = await authenticator.identify(credentials);
    if (!caller) {
      c.header('WWW-Authenticate', `${challenge}, error="invalid_token"`);
      return c.json(
        errorBody(
          'invalid_token',
          'The token or session is not valid (mistyped, revoked or expired)',
        ),
        401,
      );
    }
    c.set('auth', caller);
    c.set('scope', caller.brands);
    await next();
  };
}
