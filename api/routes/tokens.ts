import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { createToken } from '../../pipelines/auth/create-token.ts';
import { listTokens } from '../../pipelines/auth/list-tokens.ts';
import { revokeToken } from '../../pipelines/auth/revoke-token.ts';
import { TokenError } from '../../pipelines/auth/token-error.ts';
import {
  CreatedTokenSchema,
  NewTokenSchema,
  TokenInfoSchema,
} from '../../pipelines/schema/auth.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { openapiExamples } from '../openapi-examples.ts';
import { errorResponses } from '../openapi-responses.ts';
import { newRouter } from '../router.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/tokens',
  tags: ['auth'],
  summary: 'Every API token, revoked ones included (admin for all brands)',
  responses: {
    200: {
      description: 'Tokens (never their secrets)',
      content: {
        'application/json': {
          schema: z.object({ tokens: z.array(TokenInfoSchema) }),
          example: openapiExamples.tokenList,
        },
      },
    },
    ...errorResponses,
  },
});

const createTokenRoute = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['auth'],
  summary: 'Create a token; the secret is in this answer only (admin for all brands)',
  request: {
    body: { content: { 'application/json': { schema: NewTokenSchema } }, required: true },
  },
  responses: {
    201: {
      description: 'Created',
      content: {
        'application/json': { schema: CreatedTokenSchema, example: openapiExamples.tokenCreated },
      },
    },
    ...errorResponses,
  },
});

const revokeRoute = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  tags: ['auth'],
  summary: 'Revoke a token and end its sessions (admin for all brands)',
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: {
      description: 'Revoked',
      content: {
        'application/json': { schema: TokenInfoSchema, example: openapiExamples.tokenRevoked },
      },
    },
    404: { description: 'No such token' },
    ...errorResponses,
  },
});

const statusOf = { invalid_brands: 400, unknown_brand: 400, not_found: 404 } as const;

function asApiError(err: unknown): unknown {
  return err instanceof TokenError ? new ApiError(statusOf[err.code], err.code, err.message) : err;
}

export function tokenRoutes(deps: AppDeps, authenticator: Authenticator, now: () => Date) {
  return newRouter()
    .openapi(listRoute, async (c) => {
      const tokens = await deps.warehouse.withConnection((conn) => listTokens(conn));
      return c.json({ tokens }, 200);
    })
    .openapi(createTokenRoute, async (c) => {
      const spec = c.req.valid('json');
      const created = await deps.warehouse
        .withConnection((conn) => createToken(conn, spec, now()))
        .catch((err: unknown) => Promise.reject(asApiError(err)));
      return c.json(created, 201);
    })
    .openapi(revokeRoute, async (c) => {
      const { id } = c.req.valid('param');
      const revoked = await deps.warehouse
        .withConnection((conn) => revokeToken(conn, id, now()))
        .catch((err: unknown) => Promise.reject(asApiError(err)));
      authenticator.forgetToken(id);
      return c.json(revoked, 200);
    });
}
