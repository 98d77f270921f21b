import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The CSRF token of a session: derived from the session id, so nothing extra is stored and a token
 * planted in a cookie by someone else never matches ("signed double submit"). Domain-separated from
 * the stored session hash, so neither reveals the other.
 */
export function csrfTokenFor(sessionId: string): string {
  return createHash('sha256').update(`milepost-csrf\0${sessionId}`, 'utf8').digest('base64url');
}

export function csrfMatches(sessionId: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(sessionId));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
