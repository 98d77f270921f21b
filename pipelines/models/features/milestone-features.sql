-- One row per milestone with the features the delivery and risk models use, as known at the
-- milestone's start (planned_start), and its outcome as known on $asOf. A milestone still open on
-- $asOf also carries its in-flight state then (age_ratio, revision_rounds, submitted_before; 0 for
-- the others): prediction reads it, training describes every milestone at its start (0) and adds
-- landmark rows (landmark-rows.ts). History features (partner,
-- type, brand) only count milestones approved before this milestone's start (ASOF joins on
-- cumulative sums), so training rows never see their own future. Parameters: $asOf DATE,
-- $scope VARCHAR[] (null = every brand), $k DOUBLE (prior strength of the shrinkage, in milestones).
-- Speed (1M milestones): every as-of look-up (history, calendar counts, partner load) is made once
-- per distinct (key, day) pair on narrow rows and joined back by equality; ASOF joins and range
-- windows over the wide milestone rows spilled to disk and took minutes.
CREATE OR REPLACE TEMP TABLE model_features AS
WITH base AS (
  SELECT
    f.milestone_id, f.brand_id, f.partner_id, coalesce(f.partner_kind, 'other') AS partner_kind,
    f.project_id, f.contract_id, f.milestone_type, f.pricing_model, f.status,
    f.planned_start, f.baseline_due, f.current_due, f.share,
    CASE WHEN f.actual_start <= $asOf::DATE THEN f.actual_start END AS actual_start,
    ln(1 + coalesce(f.amount_usd, f.amount)) AS log_amount,
    CASE WHEN f.approved_date <= $asOf::DATE THEN f.approved_date END AS approved_date,
    CASE WHEN f.first_submitted <= $asOf::DATE THEN f.first_submitted END AS first_submitted,
    f.disputed AND f.first_dispute_opened <= $asOf::DATE AS disputed,
    f.verification_lag_days, f.days_paid_late,
    greatest(f.baseline_due - f.planned_start, 0)::INTEGER AS planned_days,
    coalesce(length(m.acceptance_criteria), 0)::INTEGER AS criteria_length,
    coalesce(regexp_matches(m.acceptance_criteria, '[0-9]'), false) AS criteria_has_number,
    m.attributes
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
-- Cumulative records per partner, type and brand through each completion day: one row per
-- (key, day) first, then running sums over those rows (every milestone approved that day counts).
partner_cum AS (
  SELECT partner_id, d, sum(count(*)) OVER w AS n, sum(sum(late)) OVER w AS late_n,
         sum(sum(log_ratio)) OVER w AS lr_sum, sum(sum(disputed)) OVER w AS disp_n
  FROM done GROUP BY partner_id, d
  WINDOW w AS (PARTITION BY partner_id ORDER BY d ROWS UNBOUNDED PRECEDING)
),
type_cum AS (
  SELECT milestone_type, d, sum(count(*)) OVER w AS n, sum(sum(late)) OVER w AS late_n,
         sum(sum(log_ratio)) OVER w AS lr_sum, sum(sum(disputed)) OVER w AS disp_n
  FROM done GROUP BY milestone_type, d
  WINDOW w AS (PARTITION BY milestone_type ORDER BY d ROWS UNBOUNDED PRECEDING)
),
brand_cum AS (
  SELECT brand_id, d, sum(count(*)) OVER w AS n,
         sum(sum(verification_lag_days)) OVER w AS lag_sum,
         sum(count(verification_lag_days)) OVER w AS lag_n,
         sum(sum(days_paid_late)) OVER w AS late_pay_sum,
         sum(count(days_paid_late)) OVER w AS late_pay_n, sum(sum(disputed)) OVER w AS disp_n
  FROM done GROUP BY brand_id, d
  WINDOW w AS (PARTITION BY brand_id ORDER BY d ROWS UNBOUNDED PRECEDING)
),
calendar_cum AS (
  -- Running counts of peak and holiday days up to each calendar day (inclusive).
  SELECT day,
         sum((period IS NOT NULL)::INTEGER) OVER w AS peaks_to,
         sum((holiday IS NOT NULL)::INTEGER) OVER w AS holidays_to
  FROM calendar_days WINDOW w AS (ORDER BY day ROWS UNBOUNDED PRECEDING)
),
partner_at AS (
  -- Per partner and start day: its record before that day, and its concurrent load (milestones it
  -- started in the 30 days up to that day, counted on one row per partner and day).
  SELECT q.partner_id, q.planned_start,
    pc.n AS p_n, pc.late_n AS p_late_n, pc.lr_sum AS p_lr_sum, pc.disp_n AS p_disp_n,
    sum(q.c) OVER (PARTITION BY q.partner_id ORDER BY q.planned_start
                   RANGE BETWEEN INTERVAL 30 DAYS PRECEDING AND CURRENT ROW) AS partner_load_30d
  FROM (SELECT partner_id, planned_start, count(*) AS c FROM outcome GROUP BY ALL) q
  ASOF LEFT JOIN partner_cum pc ON q.partner_id = pc.partner_id AND q.planned_start > pc.d
),
type_at AS (
  SELECT q.milestone_type, q.planned_start,
    tc.n AS t_n, tc.late_n AS t_late_n, tc.lr_sum AS t_lr_sum, tc.disp_n AS t_disp_n
  FROM (SELECT DISTINCT milestone_type, planned_start FROM outcome) q
  ASOF LEFT JOIN type_cum tc ON q.milestone_type = tc.milestone_type AND q.planned_start > tc.d
),
brand_at AS (
  SELECT q.brand_id, q.planned_start,
    bc.n AS b_n, bc.lag_sum AS b_lag_sum, bc.lag_n AS b_lag_n,
    bc.late_pay_sum AS b_late_pay_sum, bc.late_pay_n AS b_late_pay_n, bc.disp_n AS b_disp_n
  FROM (SELECT DISTINCT brand_id, planned_start FROM outcome) q
  ASOF LEFT JOIN brand_cum bc ON q.brand_id = bc.brand_id AND q.planned_start > bc.d
),
state AS (
  -- Revision rounds and submissions known on $asOf (the in-flight state of open milestones).
  SELECT milestone_id,
    count(*) FILTER (WHERE kind = 'revision_requested')::INTEGER AS rounds_n,
    count(*) FILTER (WHERE kind = 'submitted') > 0 AS submitted_any
  FROM milestone_events
  WHERE kind IN ('submitted', 'revision_requested') AND event_date <= $asOf::DATE
  GROUP BY milestone_id
),
day_at AS (
  -- Per start or due day: its calendar entry and the peak and holiday days before it. Peak days
  -- in [planned start, baseline due) are the count before the due day minus the one before the
  -- start (a range join here cost minutes at 1M).
  SELECT q.day, c.peaks_to, c.holidays_to, cd.workday_index, cd.is_workday, cd.period
  FROM (SELECT planned_start AS day FROM outcome UNION SELECT baseline_due FROM outcome) q
  ASOF LEFT JOIN calendar_cum c ON q.day > c.day
  LEFT JOIN calendar_days cd ON cd.day = q.day
)
SELECT
  w.milestone_id, w.brand_id, w.partner_id, w.partner_kind, w.project_id, w.contract_id,
  w.milestone_type, w.pricing_model, w.status, w.planned_start, w.baseline_due, w.current_due,
  w.approved_date, w.first_submitted, w.log_ratio, w.late, w.disputed, w.attributes,
  w.planned_days,
  coalesce((de.workday_index - ds.workday_index)::INTEGER, w.planned_days) AS planned_workdays,
  coalesce(NOT de.is_workday, false) AS due_on_holiday,
  de.period IS NOT NULL AS due_in_peak,
  greatest(coalesce(de.peaks_to, 0) - coalesce(ds.peaks_to, 0), 0)::INTEGER AS peak_days,
  greatest(coalesce(de.holidays_to, 0) - coalesce(ds.holidays_to, 0), 0)::INTEGER AS holiday_days,
  w.share,
  w.log_amount,
  w.criteria_length,
  w.criteria_has_number,
  coalesce(pa.p_n, 0)::INTEGER AS partner_history_n,
  -- Empirical Bayes: the partner's record shrunk toward its milestone type's record, so a partner
  -- with two milestones is judged mostly by the type's average.
  (coalesce(pa.p_late_n, 0) + $k * coalesce(ta.t_late_n / nullif(ta.t_n, 0), 0.5))
    / (coalesce(pa.p_n, 0) + $k) AS partner_late_rate,
  (coalesce(pa.p_lr_sum, 0) + $k * coalesce(ta.t_lr_sum / nullif(ta.t_n, 0), 0))
    / (coalesce(pa.p_n, 0) + $k) AS partner_log_ratio,
  (coalesce(pa.p_disp_n, 0) + $k * coalesce(ta.t_disp_n / nullif(ta.t_n, 0), 0.1))
    / (coalesce(pa.p_n, 0) + $k) AS partner_dispute_rate,
  coalesce(ta.t_late_n / nullif(ta.t_n, 0), 0.5) AS type_late_rate,
  (coalesce(ba.b_lag_sum, 0) + $k * 3) / (coalesce(ba.b_lag_n, 0) + $k) AS brand_review_days,
  (coalesce(ba.b_late_pay_sum, 0) + $k * 0) / (coalesce(ba.b_late_pay_n, 0) + $k) AS brand_pay_late_days,
  (coalesce(ba.b_disp_n, 0) + $k * 0.1) / (coalesce(ba.b_n, 0) + $k) AS brand_dispute_rate,
  pa.partner_load_30d::INTEGER AS partner_load_30d,
  -- In flight on $asOf (not delivered, started: a recorded start, or past the planned start and
  -- no longer 'planned'): days since the start as a share of the plan; 0 when not in flight.
  CASE WHEN w.approved_date IS NULL AND w.planned_days > 0
        AND (w.actual_start IS NOT NULL OR (w.planned_start < $asOf::DATE AND w.status <> 'planned'))
       THEN greatest($asOf::DATE - coalesce(w.actual_start, w.planned_start), 0) / w.planned_days
       ELSE 0 END::DOUBLE AS age_ratio,
  CASE WHEN w.approved_date IS NULL THEN coalesce(st.rounds_n, 0) ELSE 0 END::INTEGER
    AS revision_rounds,
  w.approved_date IS NULL AND coalesce(st.submitted_any, false) AS submitted_before
FROM outcome w
LEFT JOIN partner_at pa
  ON pa.partner_id IS NOT DISTINCT FROM w.partner_id AND pa.planned_start = w.planned_start
LEFT JOIN type_at ta
  ON ta.milestone_type IS NOT DISTINCT FROM w.milestone_type AND ta.planned_start = w.planned_start
LEFT JOIN brand_at ba
  ON ba.brand_id IS NOT DISTINCT FROM w.brand_id AND ba.planned_start = w.planned_start
LEFT JOIN state st ON st.milestone_id = w.milestone_id
LEFT JOIN day_at ds ON ds.day = w.planned_start
LEFT JOIN day_at de ON de.day = w.baseline_due;
