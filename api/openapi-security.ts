import type { OpenAPIHono } from '@hono/zod-openapi';
import { SESSION_COOKIE } from './auth/cookies.ts';

/**
 * Declares how callers authenticate, for the OpenAPI document and Swagger UI's Authorize button,
 * and returns the document-wide requirement (either scheme). Public routes say `security: []`.
 */
export function documentSecurity(api: OpenAPIHono): Record<string, string[]>[] {
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`milepost token create`); see docs/api.md for roles and brands',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'The dashboard session from /auth/signin; non-GET requests also need the X-CSRF-Token header',
  });
  return [{ bearer: [] }, { session: [] }];
}
