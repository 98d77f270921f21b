import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { accessLog, type AccessLog } from './middleware/access-log.ts';
import { requestId } from './middleware/request-id.ts';
import { securityHeaders } from './middleware/security-headers.ts';

/**
 * What every answer gets, API and dashboard alike. Order matters: the request id first (the log
 * line carries it), the log around everything, compression outside the security headers (which
 * read the uncompressed HTML to hash its inline scripts). Compression skips small bodies and
 * types that are compressed already (images, Parquet, XLSX, zip).
 */
export function useHttpBehaviour(
  app: OpenAPIHono,
  options: { log: AccessLog; now: () => Date },
): void {
  // An incoming X-Request-Id is kept when it is short and plain (letters, digits, - _ =).
  app.use(requestId());
  app.use(accessLog(options.log, options.now));
  app.use(compressWhenAccepted());
  app.use(securityHeaders());
}

/**
 * Hono's compress, only for requests that accept gzip or deflate. It reads and rewrites the
 * finished answer even when it will not compress (to add Vary), which makes Hono rebuild every
 * answer; the Vary header goes on before the handler instead.
 */
function compressWhenAccepted(): MiddlewareHandler {
  const gzip = compress({ threshold: compressFrom });
  return async (c, next) => {
    c.header('Vary', 'Accept-Encoding', { append: true });
    if (!mayCompress(c.req.header('Accept-Encoding'))) return next();
    return gzip(c, next);
  };
}

/** Bodies smaller than this go uncompressed (Hono's default threshold, stated). */
export const compressFrom = 1024;

/** Whether the client accepts an encoding the server may use at all. */
export function mayCompress(acceptEncoding: string | undefined): boolean {
  return /gzip|deflate/i.test(acceptEncoding ?? '');
}
