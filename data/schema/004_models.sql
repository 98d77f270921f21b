-- Model registry, forecast ledger and backtest results (issue 4). 003 is reserved for auth.
-- A model row holds everything needed to predict again: features, fitted parameters (JSON),
-- training and calibration windows and the metrics measured when it was trained.
CREATE TABLE models (
  version INTEGER PRIMARY KEY,
  created_at TIMESTAMP NOT NULL,
  scope VARCHAR NOT NULL,            -- brand id the model was trained on, or 'all'
  train_from DATE,
  train_to DATE,
  calibration_from DATE,
  calibration_to DATE,
  rows_trained INTEGER NOT NULL,
  features JSON NOT NULL,
  params JSON NOT NULL,
  metrics JSON NOT NULL,
  data_version VARCHAR
);

-- Every forecast the product issued, so it can be scored later against what happened.
CREATE TABLE forecast_ledger (
  issued_at TIMESTAMP NOT NULL,
  as_of DATE NOT NULL,
  model_version INTEGER NOT NULL,
  milestone_id VARCHAR NOT NULL,
  brand_id VARCHAR NOT NULL,
  baseline_due DATE,
  p10 DATE, p50 DATE, p80 DATE, p90 DATE, p95 DATE,
  p_late DOUBLE,
  p_dispute DOUBLE,
  PRIMARY KEY (as_of, model_version, milestone_id)
);

-- One row per (run, model, score): rolling-origin backtests and the baselines beside them.
CREATE TABLE backtest_scores (
  run_id VARCHAR NOT NULL,
  run_at TIMESTAMP NOT NULL,
  source VARCHAR NOT NULL,
  split VARCHAR NOT NULL,            -- e.g. 'holdout-30%' or 'origin-3'
  model VARCHAR NOT NULL,            -- 'milepost', 'as_planned', 'reference_class', ...
  metric VARCHAR NOT NULL,           -- 'pinball_mean', 'coverage_p80', 'auc', ...
  value DOUBLE,
  n INTEGER NOT NULL,
  details JSON
);

CREATE TABLE calibration_points (
  run_id VARCHAR NOT NULL,
  model VARCHAR NOT NULL,
  target VARCHAR NOT NULL,           -- 'p_late', 'p_dispute', 'delivery'
  nominal DOUBLE NOT NULL,           -- predicted probability or quantile level
  observed DOUBLE,
  n INTEGER NOT NULL
);
