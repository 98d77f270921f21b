import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { dataAsOf } from '../../pipelines/kpi/data-as-of.ts';
import type { AppDeps } from '../deps.ts';

export const HealthStatus = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    asOf: z.string().nullable().describe('Status date of the newest successful load'),
  })
  .meta({ id: 'Health', example: { status: 'ok', version: '0.1.0', asOf: '2026-10-31' } });
export type HealthStatus = z.infer<typeof HealthStatus>;

const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['system'],
  summary: 'Liveness and data freshness (public: no token needed)',
  security: [],
  responses: {
    200: {
      description: 'The server is up',
      content: { 'application/json': { schema: HealthStatus } },
    },
  },
});

export function healthRoutes(deps: AppDeps) {
  return new OpenAPIHono().openapi(route, async (c) => {
    const asOf = await deps.warehouse.withConnection((conn) => dataAsOf(conn));
    return c.json({ status: 'ok' as const, version: deps.version, asOf }, 200);
  });
}
