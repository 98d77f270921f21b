-- One row per milestone with every per-milestone metric of the domain doc. Rebuilt after each load
-- (refreshMarts), so KPI queries scan one narrow table instead of joining events and payments.
CREATE OR REPLACE TABLE milestone_facts AS
WITH ev AS (
  SELECT
    milestone_id,
    min(event_date) FILTER (WHERE kind = 'submitted') AS first_submitted,
    min(event_date) FILTER (WHERE kind = 'approved') AS approved_date,
    count(*) FILTER (WHERE kind = 'revision_requested')::INTEGER AS revision_rounds,
    count(*) FILTER (WHERE kind = 'rejected')::INTEGER AS rejections
  FROM milestone_events
  GROUP BY milestone_id
),
dis AS (
  SELECT milestone_id, count(*)::INTEGER AS disputes, sum(amount)::DOUBLE AS dispute_amount,
         min(opened_date) AS first_dispute_opened
  FROM disputes
  GROUP BY milestone_id
),
pay AS (
  SELECT milestone_id, min(paid_date) AS paid_date, sum(amount)::DOUBLE AS paid_amount
  FROM payments
  WHERE kind = 'milestone' AND milestone_id IS NOT NULL
  GROUP BY milestone_id
),
fx AS (
  -- The newest rate per currency; reports that need dated rates join fx_rates themselves.
  SELECT currency, arg_max(usd_per_unit, valid_from) AS usd_per_unit FROM fx_rates GROUP BY currency
)
SELECT
  m.milestone_id,
  m.brand_id,
  m.partner_id,
  p.kind AS partner_kind,
  m.contract_id,
  m.project_id,
  c.pricing_model,
  m.type AS milestone_type,
  c.currency,
  m.amount::DOUBLE AS amount,
  (m.amount::DOUBLE * coalesce(fx.usd_per_unit, CASE WHEN c.currency = 'USD' THEN 1 END)) AS amount_usd,
  m.share,
  m.planned_start,
  m.actual_start,
  m.baseline_due,
  m.current_due,
  m.status,
  date_trunc('month', m.baseline_due)::DATE AS cohort_month,
  ev.first_submitted,
  ev.approved_date,
  coalesce(ev.revision_rounds, 0) AS revision_rounds,
  coalesce(ev.rejections, 0) AS rejections,
  ev.first_submitted IS NOT NULL AS submitted,
  ev.approved_date IS NOT NULL AS completed,
  (ev.approved_date - m.baseline_due)::INTEGER AS slip_days,
  (cd_app.workday_index - cd_base.workday_index)::INTEGER AS slip_workdays,
  greatest(0, ev.first_submitted - m.baseline_due)::INTEGER AS partner_slip_days,
  greatest(0, (cd_app.workday_index - cd_sub.workday_index) - c.review_window_days)::INTEGER
    AS brand_slip_workdays,
  CASE WHEN m.baseline_due > m.planned_start
       THEN (ev.approved_date - coalesce(m.actual_start, m.planned_start))::DOUBLE
            / (m.baseline_due - m.planned_start)::DOUBLE END AS duration_ratio,
  (m.baseline_due - m.planned_start)::INTEGER AS planned_duration_days,
  (ev.approved_date - ev.first_submitted)::INTEGER AS verification_lag_days,
  coalesce(dis.disputes, 0) > 0 AS disputed,
  coalesce(dis.dispute_amount, 0) AS dispute_amount,
  dis.first_dispute_opened,
  CASE WHEN ev.first_submitted IS NOT NULL THEN m.amount::DOUBLE ELSE 0 END AS billed_amount,
  -- USD figures let rates over several currencies add like with like.
  CASE WHEN ev.first_submitted IS NOT NULL THEN m.amount::DOUBLE ELSE 0 END
    * coalesce(fx.usd_per_unit, CASE WHEN c.currency = 'USD' THEN 1 END) AS billed_amount_usd,
  coalesce(dis.dispute_amount, 0)
    * coalesce(fx.usd_per_unit, CASE WHEN c.currency = 'USD' THEN 1 END) AS dispute_amount_usd,
  pay.paid_date,
  (pay.paid_date - ev.approved_date)::INTEGER AS payment_lag_days,
  (pay.paid_date - (ev.approved_date + c.payment_terms_days))::INTEGER AS days_paid_late
FROM milestones m
JOIN contracts c USING (contract_id)
LEFT JOIN partners p ON p.partner_id = m.partner_id
LEFT JOIN ev USING (milestone_id)
LEFT JOIN dis USING (milestone_id)
LEFT JOIN pay USING (milestone_id)
LEFT JOIN fx ON fx.currency = c.currency
LEFT JOIN calendar_days cd_base ON cd_base.day = m.baseline_due
LEFT JOIN calendar_days cd_app ON cd_app.day = ev.approved_date
LEFT JOIN calendar_days cd_sub ON cd_sub.day = ev.first_submitted
WHERE m.status <> 'cancelled';
