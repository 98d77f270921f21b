import type { MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
  }
}

/**
 * The request's id: the client's X-Request-Id when it is short and plain (letters, digits, - _ =,
 * up to 64), so a caller can follow its own id through the log; otherwise a new UUID.
 */
export function requestIdFrom(given: string | undefined): string {
  return given && given.length <= 64 && !/[^\w\-=]/.test(given) ? given : crypto.randomUUID();
}

/** Sets `requestId` on the context and echoes it in the answer's X-Request-Id header. */
export function requestId(): MiddlewareHandler {
  return async (c, next) => {
    const id = requestIdFrom(c.req.header('X-Request-Id'));
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}
