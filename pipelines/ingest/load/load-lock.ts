// Loads into one warehouse write its core tables one after the other. `milestones` has no key
// constraint (data/schema/005): the merge finds, inside its transaction, which keys the warehouse
// already has, so two loads in parallel (each blind to the other's uncommitted keys) could both
// insert the same new key. One process holds a warehouse file (DuckDB locks it), so a lock in
// the process suffices. Keyed by the warehouse's path, like the marts queue: wrappers of one
// warehouse share it.

const tails = new Map<string, Promise<void>>();

/**
 * Waits until no other load of the warehouse at `path` holds the lock, takes it, and returns the
 * function that releases it (calling it more than once does nothing).
 */
export async function acquireLoadLock(path: string): Promise<() => void> {
  const before = tails.get(path) ?? Promise.resolve();
  let open!: () => void;
  const mine = new Promise<void>((resolve) => (open = resolve));
  const tail = before.then(() => mine);
  tails.set(path, tail);
  await before;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    open();
    if (tails.get(path) === tail) tails.delete(path);
  };
}
