/** What a load did with the rows it read; read = inserted + updated + unchanged + quarantined. */
export interface ImportCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  /** Quarantined rows by rule. */
  byRule: Record<string, number>;
}

export function reconciles(c: ImportCounts): boolean {
  return c.read === c.inserted + c.updated + c.unchanged + c.quarantined;
}
