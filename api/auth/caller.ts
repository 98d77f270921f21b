import type { Principal } from '../../pipelines/auth/principal.ts';
import type { BrandScope } from '../../pipelines/kpi/filter-sql.ts';

/** The authenticated caller of a request, and how it proved who it is. */
export interface Caller extends Principal {
  via: 'bearer' | 'session';
  /** The session cookie's id when `via` is 'session' (for sign-out and the CSRF check). */
  sessionId: string | null;
}

// Typed context variables, set by the auth middleware (api/auth/authenticate.ts).
declare module 'hono' {
  interface ContextVariableMap {
    auth: Caller;
    scope: BrandScope;
  }
}
