// How much memory DuckDB may use while the demo loads. The load is one transaction, and the keys
// of the events, payments and disputes it appends are indexed in memory until the COMMIT, so the
// default 1 GB (warehouse.ts) fails part-way at a few million milestones ("failed to pin block").
// A 10M-milestone load fits in 8 GB (docs/foundation-figures.md); smaller ones need less.

const GB = 1024 ** 3;

/** Milestones a gigabyte of DuckDB memory carries through the load (10M in 8 GB). */
const MILESTONES_PER_GB = 1_250_000;

/**
 * The memory limit for a demo of `milestones`: undefined (the warehouse default, or
 * MILEPOST_DUCKDB_MEMORY when it is set) up to 1.25M milestones, else a whole number of GB, at
 * most half of the machine's memory.
 */
export function demoMemoryLimit(
  milestones: number,
  env: NodeJS.ProcessEnv,
  totalMemoryBytes: number,
): string | undefined {
  if (env.MILEPOST_DUCKDB_MEMORY) return undefined;
  const wanted = Math.ceil(milestones / MILESTONES_PER_GB);
  if (wanted <= 1) return undefined;
  const cap = Math.max(1, Math.floor(totalMemoryBytes / 2 / GB));
  return `${Math.min(wanted, cap)}GB`;
}
