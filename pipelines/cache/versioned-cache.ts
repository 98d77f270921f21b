/**
 * An in-process cache of computed answers, each stored under the data version it was computed
 * for: a lookup with another version misses (and replaces it). Concurrent requests for the same
 * key share one computation, so a burst of identical requests after a load runs one query.
 * Least recently used entries go first once `maxEntries` is reached; failures are not kept.
 */
export class VersionedCache<V> {
  readonly #entries = new Map<string, { version: string; value: Promise<V> }>();

  constructor(readonly maxEntries = 2000) {}

  get(key: string, version: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit && hit.version === version) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    this.#entries.set(key, { version, value });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    return value;
  }

  /** The value kept for `key` if it was computed for `version`, without computing anything. */
  peek(key: string, version: string): Promise<V> | undefined {
    const hit = this.#entries.get(key);
    if (!hit || hit.version !== version) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, hit);
    return hit.value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
