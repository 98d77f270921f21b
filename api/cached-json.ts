import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Context, TypedResponse } from 'hono';
import { VersionedCache } from '../pipelines/cache/versioned-cache.ts';
import { readDataVersion } from '../pipelines/warehouse/data-version.ts';
import type { AppDeps } from './deps.ts';
import { scopeOf } from './scope.ts';

export interface CachedBody {
  readonly json: string;
  readonly etag: string;
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
  const version = await (deps.dataVersion?.current() ??
    deps.warehouse.withConnection(readDataVersion));
  const run = () => deps.warehouse.withConnection(compute).then(serialise);
  // Without a version (no load since the marts learned to write one) nothing is cached.
  const body = version === null ? await run() : await cache.get(key, version, run);
  const headers = { 'Content-Type': 'application/json', ETag: body.etag };
  // The body is T's JSON, serialised once; a 304 is the same answer, unchanged.
  const res = matches(c.req.header('If-None-Match'), body.etag)
    ? c.body(null, 304, { ETag: body.etag })
    : c.body(body.json, 200, headers);
  return res as unknown as TypedResponse<T, 200, 'json'>;
}

function serialise(value: unknown): CachedBody {
  const json = JSON.stringify(value);
  const hash = createHash('sha256').update(json).digest('base64url').slice(0, 27);
  return { json, etag: `W/"${hash}"` };
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}
