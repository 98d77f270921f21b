-- Histograms behind the KPI cells (kpi_cells.sql): per cell and metric, how many milestones had
-- each whole number of days. metric 0 = slip days (completed), 1 = payment lag, 2 = verification
-- lag. A quantile over many cells is a quantile of the merged histogram (sum of counts per day),
-- which is exactly the quantile over the milestones themselves: days are whole numbers.
CREATE OR REPLACE TABLE kpi_hist AS
SELECT
  CASE
    WHEN grouping(brand_id) = 0 AND grouping(partner_id) = 0 THEN 'brand_detail'
    WHEN grouping(brand_id) = 0 THEN 'brand_month'
    WHEN grouping(partner_id) = 0 THEN 'partner_month'
    WHEN grouping(milestone_type) = 0 THEN 'all'
    ELSE 'month'
  END AS grain,
  brand_id, partner_id, partner_kind, milestone_type, pricing_model, size_band, cohort_month,
  metric, days::INTEGER AS days, sum(n)::INTEGER AS n
FROM kpi_fact_values
GROUP BY GROUPING SETS (
  (cohort_month, metric, days),
  (brand_id, cohort_month, metric, days),
  (partner_id, partner_kind, cohort_month, metric, days),
  (partner_kind, milestone_type, pricing_model, size_band, cohort_month, metric, days),
  (brand_id, partner_id, partner_kind, milestone_type, pricing_model, size_band, cohort_month,
   metric, days)
)
ORDER BY grain, brand_id, partner_id;
