-- One row per milestone with the features the delivery and risk models use, as known at the
-- milestone's start (planned_start), and its outcome as known on $asOf. History features (partner,
-- type, brand) only count milestones approved before this milestone's start (ASOF joins on
-- cumulative sums), so training rows never see their own future. Parameters: $asOf DATE,
-- $scope VARCHAR[] (null = every brand), $k DOUBLE (prior strength of the shrinkage, in milestones).
CREATE OR REPLACE TEMP TABLE model_features AS
WITH base AS (
  SELECT
    f.milestone_id, f.brand_id, f.partner_id, coalesce(f.partner_kind, 'other') AS partner_kind,
    f.project_id, f.contract_id, f.milestone_type, f.pricing_model, f.status,
    f.planned_start, f.baseline_due, f.current_due, f.share, f.amount_usd, f.currency, f.amount,
    CASE WHEN f.approved_date <= $asOf::DATE THEN f.approved_date END AS approved_date,
    CASE WHEN f.first_submitted <= $asOf::DATE THEN f.first_submitted END AS first_submitted,
    f.disputed AND f.first_dispute_opened <= $asOf::DATE AS disputed,
    f.first_dispute_opened,
    f.verification_lag_days, f.days_paid_late,
    greatest(f.baseline_due - f.planned_start, 0)::INTEGER AS planned_days,
    m.acceptance_criteria, m.attributes
  FROM milestone_facts f
  JOIN milestones m USING (milestone_id)
  WHERE f.planned_start IS NOT NULL
    AND ($scope::VARCHAR[] IS NULL OR list_contains($scope::VARCHAR[], f.brand_id))
),
outcome AS (
  SELECT *,
    -- Same convention as pipelines/forecast: delivery = start + planned days x ratio. A delivery on
    -- the start day counts as half a day so the log stays finite.
    CASE WHEN approved_date IS NOT NULL AND planned_days > 0 THEN
      ln(greatest(approved_date - planned_start, 0.5) / planned_days) END AS log_ratio,
    CASE WHEN approved_date IS NOT NULL THEN approved_date > baseline_due END AS late
  FROM base
),
done AS (
  SELECT partner_id, milestone_type, brand_id, approved_date AS d, late::INTEGER AS late,
         log_ratio, disputed::INTEGER AS disputed, verification_lag_days, days_paid_late
  FROM outcome WHERE approved_date IS NOT NULL
),
partner_cum AS (
  SELECT partner_id, d, max(n) AS n, max(late_n) AS late_n, max(lr_sum) AS lr_sum, max(disp_n) AS disp_n
  FROM (SELECT partner_id, d,
          count(*) OVER w AS n, sum(late) OVER w AS late_n, sum(log_ratio) OVER w AS lr_sum,
          sum(disputed) OVER w AS disp_n
        FROM done WINDOW w AS (PARTITION BY partner_id ORDER BY d ROWS UNBOUNDED PRECEDING))
  GROUP BY partner_id, d
),
type_cum AS (
  SELECT milestone_type, d, max(n) AS n, max(late_n) AS late_n, max(lr_sum) AS lr_sum, max(disp_n) AS disp_n
  FROM (SELECT milestone_type, d,
          count(*) OVER w AS n, sum(late) OVER w AS late_n, sum(log_ratio) OVER w AS lr_sum,
          sum(disputed) OVER w AS disp_n
        FROM done WINDOW w AS (PARTITION BY milestone_type ORDER BY d ROWS UNBOUNDED PRECEDING))
  GROUP BY milestone_type, d
),
brand_cum AS (
  SELECT brand_id, d, max(n) AS n, max(lag_sum) AS lag_sum, max(lag_n) AS lag_n,
         max(late_pay_sum) AS late_pay_sum, max(late_pay_n) AS late_pay_n, max(disp_n) AS disp_n
  FROM (SELECT brand_id, d, count(*) OVER w AS n,
          sum(verification_lag_days) OVER w AS lag_sum, count(verification_lag_days) OVER w AS lag_n,
          sum(days_paid_late) OVER w AS late_pay_sum, count(days_paid_late) OVER w AS late_pay_n,
          sum(disputed) OVER w AS disp_n
        FROM done WINDOW w AS (PARTITION BY brand_id ORDER BY d ROWS UNBOUNDED PRECEDING))
  GROUP BY brand_id, d
),
calendar AS (
  SELECT o.milestone_id,
         (cd_due.workday_index - cd_start.workday_index)::INTEGER AS planned_workdays,
         NOT cd_due.is_workday AS due_on_holiday,
         cd_due.period IS NOT NULL AS due_in_peak
  FROM outcome o
  LEFT JOIN calendar_days cd_start ON cd_start.day = o.planned_start
  LEFT JOIN calendar_days cd_due ON cd_due.day = o.baseline_due
),
calendar_cum AS (
  -- Running counts of peak and holiday days up to each calendar day (inclusive).
  SELECT day,
         sum((period IS NOT NULL)::INTEGER) OVER w AS peaks_to,
         sum((holiday IS NOT NULL)::INTEGER) OVER w AS holidays_to
  FROM calendar_days WINDOW w AS (ORDER BY day ROWS UNBOUNDED PRECEDING)
),
peaks AS (
  -- Peak and holiday days in [planned start, baseline due): the running count before the due
  -- date minus the one before the start (two ASOF joins; a range join here cost minutes at 1M).
  SELECT e.milestone_id,
         greatest(coalesce(e.peaks_to, 0) - coalesce(b.peaks_to, 0), 0)::INTEGER AS peak_days,
         greatest(coalesce(e.holidays_to, 0) - coalesce(b.holidays_to, 0), 0)::INTEGER AS holiday_days
  FROM (SELECT o.milestone_id, o.planned_start, c.peaks_to, c.holidays_to
        FROM outcome o ASOF LEFT JOIN calendar_cum c ON o.baseline_due > c.day) e
  ASOF LEFT JOIN calendar_cum b ON e.planned_start > b.day
),
with_history AS (
  SELECT o.*, pc.n AS p_n, pc.late_n AS p_late_n, pc.lr_sum AS p_lr_sum, pc.disp_n AS p_disp_n
  FROM outcome o ASOF LEFT JOIN partner_cum pc ON o.partner_id = pc.partner_id AND o.planned_start > pc.d
),
with_type AS (
  SELECT h.*, tc.n AS t_n, tc.late_n AS t_late_n, tc.lr_sum AS t_lr_sum, tc.disp_n AS t_disp_n
  FROM with_history h ASOF LEFT JOIN type_cum tc
    ON h.milestone_type = tc.milestone_type AND h.planned_start > tc.d
),
with_brand AS (
  SELECT t.*, bc.n AS b_n, bc.lag_sum AS b_lag_sum, bc.lag_n AS b_lag_n,
         bc.late_pay_sum AS b_late_pay_sum, bc.late_pay_n AS b_late_pay_n, bc.disp_n AS b_disp_n
  FROM with_type t ASOF LEFT JOIN brand_cum bc ON t.brand_id = bc.brand_id AND t.planned_start > bc.d
)
SELECT
  w.milestone_id, w.brand_id, w.partner_id, w.partner_kind, w.project_id, w.contract_id,
  w.milestone_type, w.pricing_model, w.status, w.planned_start, w.baseline_due, w.current_due,
  w.approved_date, w.first_submitted, w.log_ratio, w.late, w.disputed, w.attributes,
  w.planned_days,
  coalesce(cal.planned_workdays, w.planned_days) AS planned_workdays,
  coalesce(cal.due_on_holiday, false) AS due_on_holiday,
  coalesce(cal.due_in_peak, false) AS due_in_peak,
  coalesce(pk.peak_days, 0) AS peak_days,
  coalesce(pk.holiday_days, 0) AS holiday_days,
  w.share,
  ln(1 + coalesce(w.amount_usd, w.amount)) AS log_amount,
  coalesce(length(w.acceptance_criteria), 0)::INTEGER AS criteria_length,
  coalesce(regexp_matches(w.acceptance_criteria, '[0-9]'), false) AS criteria_has_number,
  coalesce(w.p_n, 0)::INTEGER AS partner_history_n,
  -- Empirical Bayes: the partner's record shrunk toward its milestone type's record, so a partner
  -- with two milestones is judged mostly by the type's average.
  (coalesce(w.p_late_n, 0) + $k * coalesce(w.t_late_n / nullif(w.t_n, 0), 0.5))
    / (coalesce(w.p_n, 0) + $k) AS partner_late_rate,
  (coalesce(w.p_lr_sum, 0) + $k * coalesce(w.t_lr_sum / nullif(w.t_n, 0), 0))
    / (coalesce(w.p_n, 0) + $k) AS partner_log_ratio,
  (coalesce(w.p_disp_n, 0) + $k * coalesce(w.t_disp_n / nullif(w.t_n, 0), 0.1))
    / (coalesce(w.p_n, 0) + $k) AS partner_dispute_rate,
  coalesce(w.t_late_n / nullif(w.t_n, 0), 0.5) AS type_late_rate,
  (coalesce(w.b_lag_sum, 0) + $k * 3) / (coalesce(w.b_lag_n, 0) + $k) AS brand_review_days,
  (coalesce(w.b_late_pay_sum, 0) + $k * 0) / (coalesce(w.b_late_pay_n, 0) + $k) AS brand_pay_late_days,
  (coalesce(w.b_disp_n, 0) + $k * 0.1) / (coalesce(w.b_n, 0) + $k) AS brand_dispute_rate,
  -- Concurrent load: milestones this partner started in the 30 days up to this one's start.
  count(*) OVER (PARTITION BY w.partner_id ORDER BY w.planned_start
                 RANGE BETWEEN INTERVAL 30 DAYS PRECEDING AND CURRENT ROW)::INTEGER AS partner_load_30d
FROM with_brand w
LEFT JOIN calendar cal USING (milestone_id)
LEFT JOIN peaks pk USING (milestone_id);
