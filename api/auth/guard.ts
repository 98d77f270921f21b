import type { OpenAPIHono } from '@hono/zod-openapi';
import { answerReplay } from '../middleware/answer-replay.ts';
import { conditionalGet } from '../middleware/conditional-get.ts';
import { rateLimit } from '../middleware/rate-limit.ts';
import { tokenBuckets, type RateLimit, type TokenBuckets } from '../middleware/token-bucket.ts';
import { AnswerReplays } from '../replay/answer-replays.ts';
import { authenticate } from './authenticate.ts';
import type { Authenticator } from './authenticator.ts';
import { authorize } from './authorize.ts';
import { csrfCheck } from './csrf.ts';

/**
 * What the API's gate keeps between requests: who is who, each token's rate-limit bucket and the
 * answers ready to replay. One per app, shared by the gate's middleware and the server's replay
 * of cached answers (api/replay/node-replay.ts), so a request counts once whichever serves it.
 */
export interface Gate {
  readonly authenticator: Authenticator;
  readonly rateLimit: RateLimit | null;
  readonly buckets: TokenBuckets | null;
  readonly nowMs: () => number;
  /** Null without a data version to key answers by. */
  readonly replays: AnswerReplays | null;
}

export function createGate(options: {
  authenticator: Authenticator;
  rateLimit: RateLimit | null;
  nowMs: () => number;
  dataVersion?: (() => Promise<string | null>) | undefined;
}): Gate {
  const { rateLimit: limit, dataVersion } = options;
  return {
    ...options,
    buckets: limit && tokenBuckets(limit),
    replays: dataVersion ? new AnswerReplays(dataVersion) : null,
  };
}

/**
 * The API's gate, in order: revalidation headers (outermost, so even errors say `private`), who
 * is calling (401), CSRF for cookie sessions (403), the caller's rate limit (429), and what the
 * caller's role may do (403); past all of them, the replay of cached answers. Register before any
 * route: Hono runs handlers in order.
 */
export function guardApi(api: OpenAPIHono, gate: Gate): void {
  api.use('*', conditionalGet());
  api.use('*', authenticate(gate.authenticator));
  api.use('*', csrfCheck());
  api.use('*', rateLimit(gate.rateLimit, gate.nowMs, gate.buckets));
  api.use('*', authorize());
  api.use('*', answerReplay(gate.replays));
}
