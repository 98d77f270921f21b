// How a parallel portfolio run splits its projects and puts the answers back together. Chunks
// are contiguous ranges of the input, so each worker's answers are a slice of the single-thread
// answer; merging places every slice at its own start, whatever order the workers finish in.

export interface ChunkRange {
  /** First project index (inclusive). */
  start: number;
  /** One past the last project index. */
  end: number;
}

export interface ChunkResult<T> {
  start: number;
  items: readonly T[];
}

/** Splits `count` items into at most `parts` contiguous, non-empty ranges of near-equal size. */
export function chunkRanges(count: number, parts: number): ChunkRange[] {
  const n = Math.max(1, Math.min(Math.floor(parts), count));
  const ranges: ChunkRange[] = [];
  for (let i = 0; i < n && count > 0; i++) {
    ranges.push({ start: Math.floor((i * count) / n), end: Math.floor(((i + 1) * count) / n) });
  }
  return ranges;
}

/** Concatenates chunk answers in input order; throws unless they tile 0..count exactly. */
export function mergeChunks<T>(results: readonly ChunkResult<T>[], count: number): T[] {
  const merged = new Array<T>(count);
  const seen = new Uint8Array(count);
  let filled = 0;
  for (const { start, items } of results) {
    if (start < 0 || start + items.length > count) {
      throw new RangeError(`chunk at ${start} (${items.length} items) is outside 0..${count}`);
    }
    for (let i = 0; i < items.length; i++) {
      if (seen[start + i]) throw new RangeError(`chunks overlap at item ${start + i}`);
      seen[start + i] = 1;
      filled++;
      merged[start + i] = items[i]!;
    }
  }
  if (filled !== count) throw new RangeError(`chunks cover ${filled} of ${count} items`);
  return merged;
}
