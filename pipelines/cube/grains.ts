import type { CellColumn } from './dimensions.ts';

// The grains of kpi_cells / kpi_hist (pipelines/warehouse/marts/kpi_cells.sql), smallest first.
// A query uses the first grain that keeps every column it filters or groups on. brand_detail keeps
// them all, so any whole-month query has a grain; periods that are not whole months aggregate the
// per-milestone views instead (planCube). pickGrain still answers null when no grain fits.
export const grains = [
  { name: 'month', columns: ['month'] },
  { name: 'brand_month', columns: ['brand', 'month'] },
  { name: 'all', columns: ['partnerKind', 'type', 'model', 'band', 'month'] },
  { name: 'partner_month', columns: ['partner', 'partnerKind', 'month'] },
  // Every column, sorted by brand (kpi_cells.sql): what a brand-scoped caller's finer filters use.
  {
    name: 'brand_detail',
    columns: ['brand', 'partner', 'partnerKind', 'type', 'model', 'band', 'month'],
  },
] as const satisfies readonly { name: string; columns: readonly CellColumn[] }[];

export type GrainName = (typeof grains)[number]['name'];

/** The smallest grain holding every needed column, or null when only the facts have them all. */
export function pickGrain(needed: ReadonlySet<CellColumn>): GrainName | null {
  for (const g of grains) {
    const have: readonly CellColumn[] = g.columns;
    if ([...needed].every((c) => have.includes(c))) return g.name;
  }
  return null;
}
