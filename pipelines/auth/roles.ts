import { z } from 'zod';

/** Who a token is for. viewer = executive (read-only figures). */
export const roles = ['viewer', 'planner', 'analyst', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/**
 * What a request may do. Routes map to one permission each (api/auth/route-permissions.ts); roles
 * map to sets of permissions here, so the table in docs/api.md has one source.
 */
export const permissions = [
  'figures:read', // KPIs, trends, partners, filters, cohorts, forecasts, projects, milestones
  'imports:read', // load history and quarantined rows (raw source cells)
  'imports:write', // upload and load files
  'data:export', // bulk row-level exports
  'advice:run', // definition checks, payment-split and incentive simulations (computes, writes nothing)
  'models:run', // train models and run backtests (needs an all-brands token)
  'tokens:manage', // create, list and revoke tokens (needs an all-brands admin)
  'writes:unlisted', // a write route nobody has classified yet: admins only until someone does
] as const;
export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  viewer: ['figures:read'],
  planner: ['figures:read', 'imports:read', 'imports:write', 'advice:run'],
  // Training is global (every brand's rows, one model for all), so it is an all-brands admin's call.
  analyst: ['figures:read', 'imports:read', 'imports:write', 'data:export', 'advice:run'],
  admin: permissions,
};

/**
 * Permissions that also need an all-brands token: a brand-scoped admin could otherwise mint a
 * token for a brand it cannot see, and training reads every brand and reports on all of them.
 */
export const allBrandsPermissions: readonly Permission[] = ['tokens:manage', 'models:run'];

/** Whether a caller holds a permission. */
export function can(
  caller: { role: Role; brands: readonly string[] | null },
  permission: Permission,
): boolean {
  if (!rolePermissions[caller.role].includes(permission)) return false;
  return caller.brands === null || !allBrandsPermissions.includes(permission);
}
