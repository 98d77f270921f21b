-- One row per milestone with every per-milestone metric of the domain doc, so KPI queries scan one
-- narrow table instead of joining events and payments. refreshMarts recomputes the milestones in the
-- temp table mart_scope (those a load wrote), or rebuilds everything: then it leaves out the lines
-- marked `-- scope` (a filter that is always true still cost DuckDB three mark joins).
WITH ev AS (
  SELECT
    milestone_id,
    min(event_date) FILTER (WHERE kind = 'submitted') AS first_submitted,
    min(event_date) FILTER (WHERE kind = 'approved') AS approved_date,
    count(*) FILTER (WHERE kind = 'revision_requested')::INTEGER AS revision_rounds,
    count(*) FILTER (WHERE kind = 'rejected')::INTEGER AS rejections
  FROM milestone_events
  WHERE milestone_id IN (SELECT milestone_id FROM mart_scope) -- scope
  GROUP BY milestone_id
),
dis AS (
  SELECT milestone_id, count(*)::INTEGER AS disputes, sum(amount)::DOUBLE AS dispute_amount,
         min(opened_date) AS first_dispute_opened
  FROM disputes
  WHERE milestone_id IN (SELECT milestone_id FROM mart_scope) -- scope
  GROUP BY milestone_id
),
pay AS (
  SELECT milestone_id, min(paid_date) AS paid_date, sum(amount)::DOUBLE AS paid_amount
  FROM payments
  WHERE kind = 'milestone' AND milestone_id IS NOT NULL
    AND milestone_id IN (SELECT milestone_id FROM mart_scope) -- scope
  GROUP BY milestone_id
),
fx AS (
  -- The newest rate per currency; reports that need dated rates join fx_rates themselves.
  SELECT currency, arg_max(usd_per_unit, valid_from) AS usd_per_unit FROM fx_rates GROUP BY currency
),
cal AS (
  -- The workday index of every day from the first to the last calendar day, as one list read by
  -- position (day - d0 + 1). Three joins to calendar_days did the same, but inside a load the
  -- optimizer cannot see the new milestones and built its hash tables on them (0.4 s per 200k).
  SELECT min(g.d) AS d0, list(c.workday_index ORDER BY g.d) AS idx
  FROM (
    SELECT unnest(range(min(day), max(day) + INTERVAL 1 DAY, INTERVAL 1 DAY))::DATE AS d
    FROM calendar_days
  ) g
  LEFT JOIN calendar_days c ON c.day = g.d
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
  (CASE WHEN ev.approved_date >= cal.d0 THEN cal.idx[ev.approved_date - cal.d0 + 1] END
    - CASE WHEN m.baseline_due >= cal.d0 THEN cal.idx[m.baseline_due - cal.d0 + 1] END)::INTEGER
    AS slip_workdays,
  greatest(0, ev.first_submitted - m.baseline_due)::INTEGER AS partner_slip_days,
  greatest(0, (CASE WHEN ev.approved_date >= cal.d0 THEN cal.idx[ev.approved_date - cal.d0 + 1] END
    - CASE WHEN ev.first_submitted >= cal.d0 THEN cal.idx[ev.first_submitted - cal.d0 + 1] END)
    - c.review_window_days)::INTEGER AS brand_slip_workdays,
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
CROSS JOIN cal
WHERE m.status <> 'cancelled'
  AND m.milestone_id IN (SELECT milestone_id FROM mart_scope) -- scope
