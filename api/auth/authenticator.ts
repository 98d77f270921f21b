import { findSession } from '../../pipelines/auth/find-session.ts';
import { hashSecret } from '../../pipelines/auth/token-secret.ts';
import { verifyToken } from '../../pipelines/auth/verify-token.ts';
import type { Warehouse } from '../../pipelines/warehouse/warehouse.ts';
import type { Caller } from './caller.ts';
import type { Credentials } from './credentials.ts';

export interface Authenticator {
  /** The caller behind the credentials, or null when they prove nothing. */
  identify(credentials: Credentials): Promise<Caller | null>;
  /** Drops cached callers of a token (after revocation) or of one session (after sign-out). */
  forgetToken(tokenId: string): void;
  forgetSession(sessionId: string): void;
}

interface Cached {
  caller: Caller;
  until: number;
}

/**
 * Verifies tokens and sessions against the warehouse, remembering good answers for a few seconds
 * so that a dashboard's burst of requests costs one look-up. Revocation and sign-out through the
 * API forget at once; failures are never cached, so a new token works immediately.
 */
export function createAuthenticator(
  warehouse: Warehouse,
  options: { now: () => Date; cacheMs?: number },
): Authenticator {
  const cacheMs = options.cacheMs ?? 10_000;
  const cache = new Map<string, Cached>();

  async function lookUp(credentials: Credentials, now: Date): Promise<Caller | null> {
    if (credentials.kind === 'bearer') {
      const p = await warehouse.withConnection((c) => verifyToken(c, credentials.secret, now));
      return p && { ...p, via: 'bearer', sessionId: null };
    }
    if (credentials.kind === 'session') {
      const p = await warehouse.withConnection((c) => findSession(c, credentials.sessionId, now));
      return p && { ...p, via: 'session', sessionId: credentials.sessionId };
    }
    return null;
  }

  return {
    async identify(credentials) {
      if (credentials.kind === 'none' || credentials.kind === 'malformed') return null;
      const key = hashSecret(
        credentials.kind === 'bearer' ? credentials.secret : credentials.sessionId,
      );
      const now = options.now();
      const hit = cache.get(key);
      if (hit && hit.until > now.getTime()) return hit.caller;
      cache.delete(key);
      const caller = await lookUp(credentials, now);
      if (caller) cache.set(key, { caller, until: now.getTime() + cacheMs });
      return caller;
    },
    forgetToken(tokenId) {
      for (const [key, v] of cache) if (v.caller.tokenId === tokenId) cache.delete(key);
    },
    forgetSession(sessionId) {
      cache.delete(hashSecret(sessionId));
    },
  };
}
