-- KPI cells: additive counts and sums per cell, at several grains in one table (GROUPING SETS).
-- Every rate, mean and currency-aware sum of the KPI, trend, ranking and cohort answers is a sum
-- over cells; quantiles come from the matching histograms in kpi_hist (same grains, same keys).
-- A grain's rolled-up dimensions are NULL. Rows are sorted by grain, then brand, then partner, so
-- a brand- or partner-filtered query reads only a few row groups.
--   month          cohort month
--   all            partner kind, type, pricing model, size band, cohort month
--   brand_month    brand, cohort month
--   partner_month  partner, partner kind, cohort month
--   brand_detail   every dimension: brand, partner, kind, type, pricing model, size band, month
-- brand_detail is nearly as large as the facts, but sorted by brand: a brand-scoped caller (or a
-- brand filter) with any other filter reads only its brands' row groups, where the unsorted
-- per-milestone views of kpi_fact_rows.sql would be read whole. Those views remain for periods
-- that do not start and end on month boundaries.
-- kpi_hist.sql lists the same grouping sets; pipelines/cube/grains.ts names them for queries.
CREATE OR REPLACE TABLE kpi_cells AS
SELECT
  CASE
    WHEN grouping(brand_id) = 0 AND grouping(partner_id) = 0 THEN 'brand_detail'
    WHEN grouping(brand_id) = 0 THEN 'brand_month'
    WHEN grouping(partner_id) = 0 THEN 'partner_month'
    WHEN grouping(milestone_type) = 0 THEN 'all'
    ELSE 'month'
  END AS grain,
  brand_id, partner_id, partner_kind, milestone_type, pricing_model, size_band, cohort_month,
  sum(milestones)::INTEGER AS milestones,
  sum(completed)::INTEGER AS completed,
  sum(open)::INTEGER AS open,
  sum(submitted)::INTEGER AS submitted,
  sum(disputed)::INTEGER AS disputed,
  sum(slip_sum)::DOUBLE AS slip_sum,
  sum(pay_sum)::DOUBLE AS pay_sum,
  sum(pay_count)::INTEGER AS pay_count,
  sum(ver_count)::INTEGER AS ver_count,
  min(currency_lo) AS currency_lo,
  max(currency_hi) AS currency_hi,
  min(sub_currency_lo) AS sub_currency_lo,
  max(sub_currency_hi) AS sub_currency_hi,
  sum(amount)::DOUBLE AS amount,
  sum(amount_usd)::DOUBLE AS amount_usd,
  sum(amount_unconverted)::INTEGER AS amount_unconverted,
  sum(billed)::DOUBLE AS billed,
  sum(billed_usd)::DOUBLE AS billed_usd,
  sum(disputed_amount)::DOUBLE AS disputed_amount,
  sum(disputed_usd)::DOUBLE AS disputed_usd,
  sum(unconverted)::INTEGER AS unconverted
FROM kpi_fact_rows
GROUP BY GROUPING SETS (
  (cohort_month),
  (brand_id, cohort_month),
  (partner_id, partner_kind, cohort_month),
  (partner_kind, milestone_type, pricing_model, size_band, cohort_month),
  (brand_id, partner_id, partner_kind, milestone_type, pricing_model, size_band, cohort_month)
)
ORDER BY grain, brand_id, partner_id;
