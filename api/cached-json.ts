import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Context, TypedResponse } from 'hono';
import { VersionedCache } from '../pipelines/cache/versioned-cache.ts';
import { currentDataVersion } from '../pipelines/warehouse/marts-queue.ts';
import type { AppDeps } from './deps.ts';
import { scopeOf } from './scope.ts';

export interface CachedBody {
  /** The answer's JSON, encoded once: a 300 kB cohort table is not re-encoded per request. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly etag: string;
}

/** What cachedJson() leaves on the context for the gate's replay: the body and its data version. */
export interface CachedAnswer {
  readonly body: CachedBody;
  readonly version: string;
}

declare module 'hono' {
  interface ContextVariableMap {
    cachedAnswer: CachedAnswer;
  }
}

export type AnswerCache = VersionedCache<CachedBody>;

export function answerCache(): AnswerCache {
  return new VersionedCache<CachedBody>(2000);
}

/**
 * A JSON answer computed once per data version, caller scope and query, then served from memory
 * until the next load (pipelines/warehouse/data-version.ts). The serialised body and its ETag are
 * kept, so a hit costs a memoised version lookup (deps.dataVersion) and no JSON.stringify;
 * If-None-Match gets a 304.
 */
export async function cachedJson<T>(
  c: Context,
  deps: AppDeps,
  cache: AnswerCache,
  name: string,
  query: unknown,
  compute: (conn: DuckDBConnection) => Promise<T>,
): Promise<TypedResponse<T, 200, 'json'>> {
  const key = `${name}|${JSON.stringify(scopeOf(c))}|${JSON.stringify(query)}`;
  // appSetup always gives a memo; without one, the same lookup (stale marts rebuilt first).
  const version = await (deps.dataVersion?.current() ?? currentDataVersion(deps.warehouse));
  const run = () => deps.warehouse.withConnection(compute).then(serialise);
  // Without a version (no load since the marts learned to write one) nothing is cached.
  const body = version === null ? await run() : await cache.get(key, version, run);
  // For the gate's replay of this exact request (api/middleware/answer-replay.ts).
  if (version !== null) c.set('cachedAnswer', { body, version });
  return sendCachedBody(c, body) as unknown as TypedResponse<T, 200, 'json'>;
}

/** The body is the answer's JSON, serialised once; a 304 is the same answer, unchanged. */
export function sendCachedBody(c: Context, body: CachedBody): Response {
  return etagMatches(c.req.header('If-None-Match'), body.etag)
    ? c.body(null, 304, { ETag: body.etag })
    : c.body(body.bytes, 200, { 'Content-Type': 'application/json', ETag: body.etag });
}

function serialise(value: unknown): CachedBody {
  const bytes = Buffer.from(JSON.stringify(value));
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
  return { bytes, etag: `W/"${hash}"` };
}

/** If-None-Match compares weakly: W/"x" and "x" match, and * matches anything. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}
