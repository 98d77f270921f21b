import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from './cookies.ts';

export type Credentials =
  | { kind: 'bearer'; secret: string }
  | { kind: 'session'; sessionId: string }
  | { kind: 'malformed' }
  | { kind: 'none' };

/**
 * What the request offers as proof: an `Authorization: Bearer` header wins over the session
 * cookie, so scripts and Swagger UI act as the token they send. Any other Authorization scheme is
 * malformed rather than ignored, so a misconfigured client hears why it fails.
 */
export function readCredentials(c: Context): Credentials {
  const header = c.req.header('Authorization');
  if (header !== undefined) {
    const match = /^Bearer +(\S+) *$/i.exec(header);
    return match?.[1] ? { kind: 'bearer', secret: match[1] } : { kind: 'malformed' };
  }
  const sessionId = getCookie(c, SESSION_COOKIE);
  return sessionId ? { kind: 'session', sessionId } : { kind: 'none' };
}
