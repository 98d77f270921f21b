import { Hono, type Context } from 'hono';
import { createSession } from '../pipelines/auth/create-session.ts';
import type { Authenticator } from './auth/authenticator.ts';
import { setSessionCookies } from './auth/cookies.ts';
import type { AppDeps } from './deps.ts';
import { ApiError, errorBody } from './errors.ts';

export interface SigninOptions {
  now: () => Date;
  sessionTtlSeconds: number;
}

/**
 * The dashboard's way in, mounted at /auth (outside /api): a token, from a sign-in link
 * (GET ?token=) or the sign-in form (POST token=), becomes an HttpOnly session cookie and the
 * browser goes to the dashboard. The token itself never reaches a cookie or script.
 */
export function signinRoutes(deps: AppDeps, authenticator: Authenticator, opts: SigninOptions) {
  const app = new Hono();
  app.get('/signin', (c) => signIn(c, c.req.query('token')));
  app.post('/signin', async (c) => {
    if (!fromThisSite(c))
      throw new ApiError(403, 'forbidden', 'Sign-in from another site is refused');
    const form = await c.req.parseBody();
    return signIn(c, typeof form.token === 'string' ? form.token : undefined);
  });

  async function signIn(c: Context, token: string | undefined) {
    c.header('Cache-Control', 'no-store');
    const caller = token
      ? await authenticator.identify({ kind: 'bearer', secret: token.trim() })
      : null;
    if (!caller) {
      if (c.req.header('Accept')?.includes('text/html')) return c.redirect('/?signin=invalid', 303);
      return c.json(
        errorBody('invalid_token', 'The token is not valid (mistyped or revoked)'),
        401,
      );
    }
    const session = await deps.warehouse.withConnection((conn) =>
      createSession(conn, caller.tokenId, { now: opts.now(), ttlSeconds: opts.sessionTtlSeconds }),
    );
    setSessionCookies(c, session.sessionId, session.expiresAt);
    return c.redirect('/', 303);
  }
  return app;
}

/**
 * Login CSRF: another site must not sign this browser in with a token of its choosing. Browsers
 * say where a form post comes from in Sec-Fetch-Site, older ones in Origin (`null` from sandboxed
 * frames counts as foreign). Clients that send neither are not browsers.
 */
function fromThisSite(c: Context): boolean {
  const site = c.req.header('Sec-Fetch-Site');
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = c.req.header('Origin');
  return origin === undefined || origin === new URL(c.req.url).origin;
}
