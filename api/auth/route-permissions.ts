import type { Permission } from '../../pipelines/auth/roles.ts';

/**
 * The permission each API route needs, as `METHOD /path` with OpenAPI-style `{param}`s and an
 * optional trailing `*` (any rest of the path). Routes not listed: GET and HEAD need
 * 'figures:read'; any other method needs 'writes:unlisted', which only admins hold, so a new
 * write route stays closed until someone decides who may call it here (and in docs/api.md).
 * test/api/route-permissions.test.ts fails for a write route without an entry.
 */
export const routePermissions: Readonly<Record<string, Permission | 'any'>> = {
  'GET /me': 'any',
  'GET /kpis/earned-value': 'figures:read',
  'GET /kpis/time-to-resolution': 'figures:read',
  'POST /auth/signout': 'any',
  'GET /imports': 'imports:read',
  'GET /imports/{id}/quarantine': 'imports:read',
  'GET /imports/mappings': 'imports:read',
  'POST /imports': 'imports:write',
  'GET /exports*': 'data:export',
  'POST /exports*': 'data:export',
  'POST /models*': 'models:run',
  'POST /advice/*': 'advice:run',
  'GET /tokens': 'tokens:manage',
  'POST /tokens': 'tokens:manage',
  'DELETE /tokens/{id}': 'tokens:manage',
};

interface Rule {
  method: string;
  pattern: RegExp;
  permission: Permission | 'any';
  /** Exact entries beat prefix entries. */
  prefix: boolean;
}

const rules: Rule[] = Object.entries(routePermissions).map(([key, permission]) => {
  const [method = '', path = ''] = key.split(' ');
  const prefix = path.endsWith('*');
  const body = (prefix ? path.slice(0, -1) : path)
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  const pattern = new RegExp(`^${body}${prefix ? '.*' : ''}$`);
  return { method, pattern, permission, prefix };
});

/** The permission a request needs; `path` is relative to /api (e.g. /imports/x/quarantine). */
export function permissionFor(method: string, path: string): Permission | 'any' {
  const m = method === 'HEAD' ? 'GET' : method;
  const found =
    rules.find((r) => !r.prefix && r.method === m && r.pattern.test(path)) ??
    rules.find((r) => r.prefix && r.method === m && r.pattern.test(path));
  if (found) return found.permission;
  return m === 'GET' ? 'figures:read' : 'writes:unlisted';
}

/** Whether `METHOD /path` (an OpenAPI path template) has its own entry, exact or by prefix. */
export function hasExplicitPermission(method: string, template: string): boolean {
  const m = method.toUpperCase();
  return rules.some(
    (r) =>
      r.method === m &&
      (r.prefix ? r.pattern.test(template) : `${m} ${template}` in routePermissions),
  );
}
