/**
 * The warehouse's data version, read at most once per `maxAgeMs` and shared by every cached
 * answer. Reading it costs a DuckDB round trip (about a millisecond of CPU), which was most of the
 * cost of a cached answer; only one process may write the warehouse, and loads through the server
 * call `invalidate()` when they commit, so a short age only covers writes made some other way.
 * `now` is injectable for tests; it is a monotonic clock in milliseconds.
 */
export class DataVersionMemo {
  #value: Promise<string | null> | null = null;
  #readAt = 0;

  constructor(
    private readonly read: () => Promise<string | null>,
    private readonly maxAgeMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  current(): Promise<string | null> {
    const t = this.now();
    if (this.#value === null || t - this.#readAt >= this.maxAgeMs) {
      const value = this.read();
      this.#value = value;
      this.#readAt = t;
      // A failed read is not kept: the next caller tries again.
      value.catch(() => {
        if (this.#value === value) this.#value = null;
      });
    }
    return this.#value;
  }

  /** Forget the version (after a load): the next caller reads it again. */
  invalidate(): void {
    this.#value = null;
  }
}
