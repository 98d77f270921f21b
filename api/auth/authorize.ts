import type { MiddlewareHandler } from 'hono';
import { allBrandsPermissions, can } from '../../pipelines/auth/roles.ts';
import { ApiError } from '../errors.ts';
import { isPublicApiPath } from './public-paths.ts';
import { permissionFor } from './route-permissions.ts';

/** 403 unless the caller's role grants what the route needs (api/auth/route-permissions.ts). */
export function authorize(apiPrefix = '/api'): MiddlewareHandler {
  return async (c, next) => {
    if (isPublicApiPath(c.req.path)) return next();
    const caller = c.get('auth');
    const path = c.req.path.slice(apiPrefix.length) || '/';
    const needed = permissionFor(c.req.method, path);
    if (needed !== 'any' && !can(caller, needed)) {
      const why =
        allBrandsPermissions.includes(needed) && can({ ...caller, brands: null }, needed)
          ? `${needed} needs a token for all brands`
          : `a ${caller.role} token may not do this (needs ${needed})`;
      throw new ApiError(403, 'forbidden', `Forbidden: ${why}`);
    }
    await next();
  };
}
