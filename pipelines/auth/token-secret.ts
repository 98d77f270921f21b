import { hash, randomBytes } from 'node:crypto';

/**
 * A new secret: 32 random bytes, base64url, with a prefix that says what it is (secret scanners
 * and people recognise `mpt_...` as a Milepost token, `mps_...` as a session).
 */
export function newSecret(prefix: 'mpt' | 'mps'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** A public id for a row: short, random, safe to print and log. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/**
 * What is stored instead of a secret. A plain SHA-256 suffices: the secrets are 256 random bits,
 * so there is nothing to brute-force and no need for a slow password hash.
 */
export function hashSecret(secret: string): string {
  // The one-shot hash: a quarter of createHash()'s CPU, and every API request hashes its token.
  return hash('sha256', secret, 'hex');
}

/** Whether a string looks like one of our secrets, checked before any database look-up. */
export function looksLikeSecret(value: string, prefix: 'mpt' | 'mps'): boolean {
  return new RegExp(`^${prefix}_[A-Za-z0-9_-]{43}$`).test(value);
}
