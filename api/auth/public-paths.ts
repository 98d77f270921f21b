/**
 * API paths anyone may call: liveness and the API's own documentation, none of which holds data.
 * Everything else under /api needs a token or a session (fail closed: a new route is private).
 */
export const publicApiPaths: readonly RegExp[] = [
  /^\/api\/health$/,
  /^\/api\/openapi\.json$/,
  /^\/api\/docs(\/.*)?$/,
];

export function isPublicApiPath(path: string): boolean {
  return publicApiPaths.some((re) => re.test(path));
}
