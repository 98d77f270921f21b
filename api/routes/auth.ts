import { createRoute } from '@hono/zod-openapi';
import { endSession } from '../../pipelines/auth/end-session.ts';
import { can, permissions } from '../../pipelines/auth/roles.ts';
import { MeSchema } from '../../pipelines/schema/auth.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { clearSessionCookies } from '../auth/cookies.ts';
import { csrfTokenFor } from '../auth/csrf-token.ts';
import type { AppDeps } from '../deps.ts';
import { openapiExamples } from '../openapi-examples.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'Who the caller is: token, role, brands and permissions',
  responses: {
    200: {
      description: 'The caller',
      content: { 'application/json': { schema: MeSchema, example: openapiExamples.me } },
    },
    ...errorResponses,
  },
});

const signoutRoute = createRoute({
  method: 'post',
  path: '/auth/signout',
  tags: ['auth'],
  summary: 'End the browser session (clears the cookies; a bearer token stays valid)',
  responses: { 204: { description: 'Signed out' }, ...errorResponses },
});

export function authRoutes(deps: AppDeps, authenticator: Authenticator) {
  return newRouter()
    .openapi(meRoute, (c) => {
      const me = c.get('auth');
      return c.json(
        {
          tokenId: me.tokenId,
          name: me.name,
          role: me.role,
          brands: me.brands ? [...me.brands] : null,
          permissions: permissions.filter((p) => can(me, p)),
          via: me.via,
          csrfToken: me.sessionId ? csrfTokenFor(me.sessionId) : null,
        },
        200,
      );
    })
    .openapi(signoutRoute, async (c) => {
      const { sessionId } = c.get('auth');
      if (sessionId) {
        await deps.warehouse.withConnection((conn) => endSession(conn, sessionId));
        authenticator.forgetSession(sessionId);
      }
      clearSessionCookies(c);
      return c.body(null, 204);
    });
}
