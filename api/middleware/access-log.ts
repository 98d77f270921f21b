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

/** Structured JSON on stdout, one object per line, for `npm start` and log shippers. */
export const jsonLinesToStdout: AccessLog = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

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
