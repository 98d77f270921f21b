import type { Context } from 'hono';
import type { BrandScope } from '../pipelines/kpi/filter-sql.ts';
import './auth/caller.ts';

export type { BrandScope } from '../pipelines/kpi/filter-sql.ts';

/**
 * The brands the caller may see, set on the context by the auth middleware (api/auth/
 * authenticate.ts). Every route passes this to every query it runs; null means every brand (an
 * all-brands admin token). Fails closed: a route the middleware did not cover gets an error
 * (500), never "all brands".
 */
export function scopeOf(c: Context): BrandScope {
  const scope = c.get('scope');
  if (scope === undefined) {
    throw new Error(`scopeOf: no caller on ${c.req.method} ${c.req.path}; is the route public?`);
  }
  return scope;
}
