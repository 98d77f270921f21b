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
    pending += `${jsonLine(entry)}\n`;
  };
}

/**
 * JSON.stringify(entry), built by hand: the keys and the level are fixed text, and only the
 * strings a client chose (method, path, request id) go through the JSON encoder.
 */
export function jsonLine(e: AccessLogEntry): string {
  const tokenId = e.tokenId === null ? 'null' : JSON.stringify(e.tokenId);
  return (
    `{"time":"${e.time}","level":"${e.level}","msg":"request","method":${JSON.stringify(e.method)},` +
    `"path":${JSON.stringify(e.path)},"status":${e.status},"ms":${e.ms},` +
    `"requestId":${JSON.stringify(e.requestId)},"tokenId":${tokenId}}`
  );
}

export function accessLog(write: AccessLog, now: () => Date): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      write(
        accessLogEntry(now(), started, {
          method: c.req.method,
          path: c.req.path,
          status: c.res.status,
          requestId: c.get('requestId'),
          tokenId: c.get('auth')?.tokenId ?? null,
        }),
      );
    }
  };
}

/** The log line of a request that started at `started` (performance.now()) and ends now. */
export function accessLogEntry(
  time: Date,
  started: number,
  r: Pick<AccessLogEntry, 'method' | 'path' | 'status' | 'requestId' | 'tokenId'>,
): AccessLogEntry {
  return {
    time: isoTime(time),
    level: r.status >= 500 ? 'error' : r.status >= 400 ? 'warn' : 'info',
    msg: 'request',
    method: r.method,
    path: r.path,
    status: r.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
    requestId: r.requestId,
    tokenId: r.tokenId,
  };
}

// The last time written and its ISO text: under load, many lines share a millisecond.
let lastMs = Number.NaN;
let lastIso = '';

function isoTime(time: Date): string {
  const ms = time.getTime();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = time.toISOString();
  }
  return lastIso;
}
