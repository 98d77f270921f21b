-- Per-milestone rows in the layout of the KPI cells (kpi_cells.sql), and the same milestones as
-- (metric, days) values in the layout of the histograms (kpi_hist.sql). The cell marts are built
-- from these views, and a query the cells cannot answer (a period that does not start and end on
-- month boundaries) aggregates the views directly with the same SQL, so both give equal numbers.
-- Size band: the contract's value in USD at the newest rate (docs/metrics.md).
CREATE OR REPLACE TABLE contract_size_bands AS
WITH fx AS (
  SELECT currency, arg_max(usd_per_unit, valid_from) AS usd_per_unit FROM fx_rates GROUP BY currency
),
v AS (
  SELECT c.contract_id,
         c.value::DOUBLE * coalesce(fx.usd_per_unit, CASE WHEN c.currency = 'USD' THEN 1 END) AS value_usd
  FROM contracts c LEFT JOIN fx USING (currency)
)
SELECT contract_id, value_usd,
  CASE
    WHEN value_usd IS NULL THEN 'unknown'
    WHEN value_usd < 10000 THEN 'under_10k'
    WHEN value_usd < 50000 THEN '10k_50k'
    WHEN value_usd < 250000 THEN '50k_250k'
    ELSE '250k_plus'
  END AS size_band
FROM v;

CREATE OR REPLACE VIEW kpi_fact_rows AS
SELECT
  f.brand_id, f.partner_id, f.partner_kind, f.milestone_type, f.pricing_model,
  coalesce(b.size_band, 'unknown') AS size_band, f.cohort_month, f.baseline_due,
  1 AS milestones,
  f.completed::INTEGER AS completed,
  (NOT f.completed AND f.status <> 'rejected')::INTEGER AS open,
  f.submitted::INTEGER AS submitted,
  (f.submitted AND f.disputed)::INTEGER AS disputed,
  CASE WHEN f.completed THEN f.slip_days END AS slip_sum,
  f.payment_lag_days AS pay_sum,
  (f.payment_lag_days IS NOT NULL)::INTEGER AS pay_count,
  (f.verification_lag_days IS NOT NULL)::INTEGER AS ver_count,
  f.currency AS currency_lo,
  f.currency AS currency_hi,
  CASE WHEN f.submitted THEN f.currency END AS sub_currency_lo,
  CASE WHEN f.submitted THEN f.currency END AS sub_currency_hi,
  f.amount AS amount,
  f.amount_usd AS amount_usd,
  (f.amount_usd IS NULL)::INTEGER AS amount_unconverted,
  f.billed_amount AS billed,
  f.billed_amount_usd AS billed_usd,
  CASE WHEN f.submitted THEN f.dispute_amount ELSE 0 END AS disputed_amount,
  CASE WHEN f.submitted THEN f.dispute_amount_usd END AS disputed_usd,
  (f.submitted AND f.billed_amount_usd IS NULL)::INTEGER AS unconverted
FROM milestone_facts f
LEFT JOIN contract_size_bands b USING (contract_id);

-- metric 0 = slip days of completed milestones, 1 = payment lag, 2 = verification lag.
CREATE OR REPLACE VIEW kpi_fact_values AS
SELECT * FROM (
  SELECT
    f.brand_id, f.partner_id, f.partner_kind, f.milestone_type, f.pricing_model,
    coalesce(b.size_band, 'unknown') AS size_band, f.cohort_month, f.baseline_due,
    unnest([0, 1, 2])::UTINYINT AS metric,
    unnest([CASE WHEN f.completed THEN f.slip_days END, f.payment_lag_days, f.verification_lag_days])
      AS days,
    1 AS n
  FROM milestone_facts f
  LEFT JOIN contract_size_bands b USING (contract_id)
)
WHERE days IS NOT NULL;
