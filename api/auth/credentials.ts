import type { Context } from 'hono';
import { parse } from 'hono/utils/cookie';
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
  return credentialsFrom(c.req.header('Authorization'), c.req.header('Cookie'));
}

/** The same, from the two header values (the server's replay of cached answers reads them raw). */
export function credentialsFrom(
  authorization: string | undefined,
  cookie: string | undefined,
): Credentials {
  if (authorization !== undefined) {
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    return match?.[1] ? { kind: 'bearer', secret: match[1] } : { kind: 'malformed' };
  }
  const sessionId = cookie ? parse(cookie, SESSION_COOKIE)[SESSION_COOKIE] : undefined;
  return sessionId ? { kind: 'session', sessionId } : { kind: 'none' };
}
