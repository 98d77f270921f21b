/** A load that failed as a whole; the warehouse is left as it was. `code` is stable for callers. */
export class ImportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
