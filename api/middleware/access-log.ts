import type { MiddlewareHandler } from 'hono';

/** One line per request. Never the token or the query string (a sign-in link carries a token). */
export interface AccessLogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  msg: 'request';
  method: string;
  path: string;
  status: number;
  ms: number;
  requestId: string;
  tokenId: string | null;
}

export type AccessLog = (entry: AccessLogEntry) => void;

/**
 * Structured JSON on stdout, one object per line, for `npm start` and log shippers. Lines are
 * gathered and written once per turn of the event loop (setImmediate), not once per request: under
 * load a write per answer cost more CPU than the rest of a cached answer's logging. Whatever is
 * pending when the process exits is written then (stdout to a file or pipe is synchronous).
 */
export const jsonLinesToStdout: AccessLog = batchedLines((text) => process.stdout.write(text));

/** An AccessLog that hands `write` all lines logged in one turn of the event loop at once. */
export function batchedLines(write: (text: string) => void): AccessLog {
  let pending = '';
  const flush = () => {
    const text = pending;
    pending = '';
    if (text) write(text);
  };
  process.on('exit', flush);
  return (entry) => {
    if (!pending) setImmediate(flush);
    pending += `${JSON.stringify(entry)}\n`;
  };
}

export function accessLog(write: AccessLog, now: () => Date): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const status = c.res.status;
      write({
        time: now().toISOString(),
        level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
        msg: 'request',
        method: c.req.method,
        path: c.req.path,
        status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        requestId: c.get('requestId'),
        tokenId: c.get('auth')?.tokenId ?? null,
      });
    }
  };
}
