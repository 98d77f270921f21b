import { VersionedCache } from '../../pipelines/cache/versioned-cache.ts';
import type { BrandScope } from '../../pipelines/kpi/filter-sql.ts';
import type { CachedAnswer } from '../cached-json.ts';
import { Replay } from './replay-entry.ts';

/**
 * Cached answers ready to replay, keyed by the request target (path and query string, as the
 * client sent them) and the caller's brand scope. An entry holds the data version its body was
 * computed for and answers only while the warehouse is at that version. Shared by the gate's
 * replay (api/middleware/answer-replay.ts), which keeps answers, and the server's
 * (api/replay/node-replay.ts), which serves most of them.
 */
export class AnswerReplays {
  readonly #entries: VersionedCache<Replay>;

  constructor(
    private readonly dataVersion: () => Promise<string | null>,
    maxEntries = 2000,
  ) {
    this.#entries = new VersionedCache<Replay>(maxEntries);
  }

  async find(target: string, scope: BrandScope): Promise<Replay | undefined> {
    const version = await this.dataVersion();
    return version === null ? undefined : this.#entries.peek(keyOf(target, scope), version);
  }

  keep(target: string, scope: BrandScope, answer: CachedAnswer): void {
    const key = keyOf(target, scope);
    void this.#entries.get(key, answer.version, () => Promise.resolve(new Replay(answer.body)));
  }
}

// A caller's scope is one array for as long as its token or session is remembered.
const scopeTexts = new WeakMap<readonly string[], string>();

function keyOf(target: string, scope: BrandScope): string {
  if (scope === null) return `${target} null`;
  let text = scopeTexts.get(scope);
  if (text === undefined) {
    text = JSON.stringify(scope);
    scopeTexts.set(scope, text);
  }
  return `${target} ${text}`;
}
