import type { MiddlewareHandler } from 'hono';
import { allBrandsPermissions, can } from '../../pipelines/auth/roles.ts';
import { ApiError } from '../errors.ts';
import type { Caller } from './caller.ts';
import { isPublicApiPath } from './public-paths.ts';
import { permissionFor } from './route-permissions.ts';

/** 403 unless the caller's role grants what the route needs (api/auth/route-permissions.ts). */
export function authorize(apiPrefix = '/api'): MiddlewareHandler {
  return async (c, next) => {
    if (isPublicApiPath(c.req.path)) return next();
    const why = forbiddenReason(c.get('auth'), c.req.method, c.req.path, apiPrefix);
    if (why !== null) throw new ApiError(403, 'forbidden', `Forbidden: ${why}`);
    await next();
  };
}

/** Why the caller's role may not do `method` on `path` (an /api path), or null when it may. */
export function forbiddenReason(
  caller: Caller,
  method: string,
  path: string,
  apiPrefix = '/api',
): string | null {
  const needed = permissionFor(method, path.slice(apiPrefix.length) || '/');
  if (needed === 'any' || can(caller, needed)) return null;
  return allBrandsPermissions.includes(needed) && can({ ...caller, brands: null }, needed)
    ? `${needed} needs a token for all brands`
    : `a ${caller.role} token may not do this (needs ${needed})`;
}
