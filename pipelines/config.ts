import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root (this file lives in pipelines/). */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const Env = z.object({
  MILEPOST_DB: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  MILEPOST_DEMO_MILESTONES: z.coerce.number().int().min(100).max(20_000_000).default(25_000),
  MILEPOST_DEMO_SEED: z.coerce.number().int().default(42),
});

export interface Config {
  /** Warehouse file; created with demo data on first start. */
  dbPath: string;
  port: number;
  host: string;
  demoMilestones: number;
  demoSeed: number;
}

/** Settings from environment variables with defaults; throws a readable error on a bad value. */
export function readConfig(env: Record<string, string | undefined>): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${msg}`);
  }
  const e = parsed.data;
  return {
    dbPath: e.MILEPOST_DB ?? `${repoRoot}data/milepost.duckdb`,
    port: e.PORT,
    host: e.HOST,
    demoMilestones: e.MILEPOST_DEMO_MILESTONES,
    demoSeed: e.MILEPOST_DEMO_SEED,
  };
}
