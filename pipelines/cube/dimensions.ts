// The dimensions a cohort can be grouped by, each a fixed SQL expression over the cell marts
// (kpi_cells, kpi_hist) and the per-milestone views they are built from (kpi_fact_rows,
// kpi_fact_values). User input picks a dimension by name; it never reaches the SQL text.

export const cohortDimensions = [
  'brand',
  'partner',
  'partnerKind',
  'milestoneType',
  'pricingModel',
  'cohortMonth',
  'cohortQuarter',
  'sizeBand',
] as const;
export type CohortDimension = (typeof cohortDimensions)[number];

/** The columns of the cell marts; a grain keeps some of them and rolls the others up. */
export type CellColumn = 'brand' | 'partner' | 'partnerKind' | 'type' | 'model' | 'band' | 'month';

export interface DimensionSpec {
  /** What the cells are grouped by (a column or an expression over columns). */
  readonly group: string;
  /** The key as the API shows it, from the grouped value in column `col`. */
  readonly label: (col: string) => string;
  readonly needs: CellColumn;
}

const asIs = (col: string) => col;

export const dimensionSpecs: Readonly<Record<CohortDimension, DimensionSpec>> = {
  brand: { group: 'brand_id', label: asIs, needs: 'brand' },
  partner: { group: 'partner_id', label: asIs, needs: 'partner' },
  partnerKind: { group: 'partner_kind', label: asIs, needs: 'partnerKind' },
  milestoneType: { group: 'milestone_type', label: asIs, needs: 'type' },
  pricingModel: { group: 'pricing_model', label: asIs, needs: 'model' },
  // Grouped by the DATE and formatted once per group: strftime on every cell costs.
  cohortMonth: {
    group: 'cohort_month',
    label: (col) => `strftime(${col}, '%Y-%m')`,
    needs: 'month',
  },
  cohortQuarter: {
    group: `date_trunc('quarter', cohort_month)`,
    label: (col) => `strftime(${col}, '%Y') || '-Q' || quarter(${col})::VARCHAR`,
    needs: 'month',
  },
  sizeBand: { group: 'size_band', label: asIs, needs: 'band' },
};

/** Contract size bands: the contract's value in USD at the newest rate (docs/metrics.md). */
export const sizeBands = ['under_10k', '10k_50k', '50k_250k', '250k_plus', 'unknown'] as const;
export type SizeBand = (typeof sizeBands)[number];
