import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { csrfTokenFor } from './csrf-token.ts';

export const SESSION_COOKIE = 'milepost_session';
/** Readable by the dashboard's script (not HttpOnly) so it can echo it as X-CSRF-Token. */
export const CSRF_COOKIE = 'milepost_csrf';

/**
 * Sets the session cookie (HttpOnly: scripts never see it) and its CSRF companion. SameSite=Strict
 * keeps both off cross-site requests; Secure is added when the request came over HTTPS, as a
 * plain-HTTP localhost server could not set a Secure cookie.
 */
export function setSessionCookies(c: Context, sessionId: string, expiresAt: Date): void {
  const secure = new URL(c.req.url).protocol === 'https:';
  const common = { path: '/', sameSite: 'Strict', secure, expires: expiresAt } as const;
  setCookie(c, SESSION_COOKIE, sessionId, { ...common, httpOnly: true });
  setCookie(c, CSRF_COOKIE, csrfTokenFor(sessionId), { ...common, httpOnly: false });
}

export function clearSessionCookies(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, CSRF_COOKIE, { path: '/' });
}
