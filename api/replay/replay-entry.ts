import { gzipSync } from 'node:zlib';
import type { CachedBody } from '../cached-json.ts';
import { apiCacheControl, apiVary } from '../middleware/conditional-get.ts';
import { fixedHeaders } from '../middleware/security-headers.ts';

/** One way of answering: status, headers as node's flat [name, value, ...] list, and body. */
export interface ReplayAnswer {
  readonly status: 200 | 304;
  /** Everything but X-Request-Id, which differs per request. */
  readonly headers: readonly string[];
  readonly body: Buffer | null;
}

// What the app sends with every cached API answer (api/http-behaviour.ts, api/auth/guard.ts).
const common: readonly string[] = [
  ...fixedHeaders.flat(),
  'Cache-Control',
  apiCacheControl,
  'Vary',
  `Accept-Encoding, ${apiVary}`,
];

/**
 * A cached answer with its headers built once, for the server's replay (api/replay/node-replay.ts):
 * the 200, the 304 for a matching If-None-Match, and the gzipped 200, compressed on first use.
 */
export class Replay {
  readonly ok: ReplayAnswer;
  readonly notModified: ReplayAnswer;
  #gzipped: ReplayAnswer | undefined;

  constructor(readonly body: CachedBody) {
    const bytes = Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength);
    this.ok = { status: 200, headers: withBody(body.etag, bytes, []), body: bytes };
    this.notModified = { status: 304, headers: [...common, 'ETag', body.etag], body: null };
  }

  get gzipped(): ReplayAnswer {
    if (!this.#gzipped) {
      const bytes = gzipSync(this.body.bytes);
      const headers = withBody(this.body.etag, bytes, ['Content-Encoding', 'gzip']);
      this.#gzipped = { status: 200, headers, body: bytes };
    }
    return this.#gzipped;
  }
}

function withBody(etag: string, bytes: Buffer, extra: readonly string[]): string[] {
  return [
    ...common,
    'Content-Type',
    'application/json',
    'ETag',
    etag,
    'Content-Length',
    String(bytes.length),
    ...extra,
  ];
}
