import type { OpenAPIHono } from '@hono/zod-openapi';
import { answerReplay } from '../middleware/answer-replay.ts';
import { conditionalGet } from '../middleware/conditional-get.ts';
import { rateLimit } from '../middleware/rate-limit.ts';
import type { RateLimit } from '../middleware/token-bucket.ts';
import { authenticate } from './authenticate.ts';
import type { Authenticator } from './authenticator.ts';
import { authorize } from './authorize.ts';
import { csrfCheck } from './csrf.ts';

/**
 * The API's gate, in order: revalidation headers (outermost, so even errors say `private`), who
 * is calling (401), CSRF for cookie sessions (403), the caller's rate limit (429), and what the
 * caller's role may do (403); past all of them, the replay of cached answers. Register before any
 * route: Hono runs handlers in order.
 */
export function guardApi(
  api: OpenAPIHono,
  options: {
    authenticator: Authenticator;
    rateLimit: RateLimit | null;
    nowMs: () => number;
    dataVersion?: () => Promise<string | null>;
  },
): void {
  api.use('*', conditionalGet());
  api.use('*', authenticate(options.authenticator));
  api.use('*', csrfCheck());
  api.use('*', rateLimit(options.rateLimit, options.nowMs));
  api.use('*', authorize());
  api.use('*', answerReplay(options.dataVersion));
}
