import { z } from 'zod';
import { parseRateLimit, type RateLimit } from './middleware/token-bucket.ts';

export interface ServerSettings {
  rateLimit: RateLimit | null;
  queryTimeoutMs: number;
  sessionTtlSeconds: number;
}

const Env = z.object({
  MILEPOST_RATE_LIMIT: z.string().optional(),
  MILEPOST_QUERY_TIMEOUT_S: z.coerce.number().positive().max(3600).default(30),
  MILEPOST_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(24 * 7),
});

/** The server's security and behaviour settings from the environment (docs/api.md). */
export function readServerSettings(env: Record<string, string | undefined>): ServerSettings {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${msg}`);
  }
  return {
    rateLimit: parseRateLimit(parsed.data.MILEPOST_RATE_LIMIT),
    queryTimeoutMs: parsed.data.MILEPOST_QUERY_TIMEOUT_S * 1000,
    sessionTtlSeconds: Math.round(parsed.data.MILEPOST_SESSION_HOURS * 3600),
  };
}
