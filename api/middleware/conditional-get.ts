import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { etagMatches } from '../cached-json.ts';

/** Every API answer's caching headers (the server's replay of cached answers sends them too). */
export const apiCacheControl = 'private, no-cache';
export const apiVary = 'Authorization, Cookie';

/**
 * API answers depend on the caller, so shared caches must not keep them (private) and browsers
 * must ask again each time (no-cache). A weak ETag from the JSON body lets an unchanged answer
 * come back as an empty 304. Weak, because compression may change the bytes on the wire.
 * Only JSON is hashed: CSV and other streams would have to be read twice, so exports set their own
 * ETag from what their bytes depend on (api/export-etag.ts) and are left alone here.
 */
export function conditionalGet(): MiddlewareHandler {
  return async (c, next) => {
    // Swagger UI's static files are the same for everyone: leave their caching to serveStatic.
    if (c.req.path.startsWith('/api/docs')) return next();
    // Set before the handler answers (a route may still replace them): a header set on a finished
    // answer makes Hono rebuild it, which cost more than the rest of a cached answer.
    c.header('Cache-Control', apiCacheControl);
    c.header('Vary', apiVary, { append: true });
    await next();
    const res = c.res;
    const json = res.headers.get('Content-Type')?.startsWith('application/json');
    if (c.req.method !== 'GET' || res.status !== 200 || !json || res.headers.has('ETag')) return;
    const body = await res.clone().arrayBuffer();
    const etag = weakEtagOf(Buffer.from(body));
    if (etagMatches(c.req.header('If-None-Match'), etag)) {
      c.res = new Response(null, { status: 304, headers: res.headers });
      c.res.headers.delete('Content-Type');
      c.res.headers.delete('Content-Length');
    }
    // c.header() replaces c.res (same body, new object) when the answer is finished.
    c.header('ETag', etag);
  };
}

/** A 304 carrying `etag` when If-None-Match matches it, so the answer need not be made; else null. */
export function notModified(c: Context, etag: string): Response | null {
  return etagMatches(c.req.header('If-None-Match'), etag)
    ? c.body(null, 304, { ETag: etag })
    : null;
}

/** A weak ETag: 27 base64url characters of the SHA-256 of `data`. */
export function weakEtagOf(data: string | Uint8Array): string {
  return `W/"${createHash('sha256').update(data).digest('base64url').slice(0, 27)}"`;
}
