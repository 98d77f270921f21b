-- Canonical records (../shared/docs/domain.md). Column names are the zod field names in snake_case
-- (pipelines/schema/records.ts). Money is DECIMAL(18,2) with its currency; dates are DATE.
-- Every row keeps the load that wrote it (load_id) and, for imported rows, its source file and line.

CREATE TABLE loads (
  load_id      VARCHAR PRIMARY KEY,
  source       VARCHAR NOT NULL,          -- 'demo', a file name, or an upload name
  mapping      VARCHAR,
  brand_id     VARCHAR,
  started_at   TIMESTAMP NOT NULL,
  finished_at  TIMESTAMP,
  status       VARCHAR NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  rows_read    BIGINT NOT NULL DEFAULT 0,
  rows_inserted BIGINT NOT NULL DEFAULT 0,
  rows_updated BIGINT NOT NULL DEFAULT 0,
  rows_unchanged BIGINT NOT NULL DEFAULT 0,
  rows_quarantined BIGINT NOT NULL DEFAULT 0,
  as_of_date   DATE,                      -- the status date the data describes
  message      VARCHAR
);

CREATE TABLE brands (
  brand_id            VARCHAR PRIMARY KEY,
  name                VARCHAR NOT NULL,
  home_currency       VARCHAR NOT NULL DEFAULT 'USD',
  review_window_days  INTEGER NOT NULL DEFAULT 5,
  load_id             VARCHAR
);

CREATE TABLE partners (
  partner_id  VARCHAR PRIMARY KEY,
  name        VARCHAR NOT NULL,
  kind        VARCHAR NOT NULL CHECK (kind IN ('agency', 'kol_network', 'store_operator', 'livestream', 'production', 'other')),
  city        VARCHAR,
  load_id     VARCHAR
);

CREATE TABLE contracts (
  contract_id         VARCHAR PRIMARY KEY,
  brand_id            VARCHAR NOT NULL,
  partner_id          VARCHAR NOT NULL,
  pricing_model       VARCHAR NOT NULL CHECK (pricing_model IN ('milestone', 'retainer', 'time_and_materials', 'upfront')),
  value               DECIMAL(18,2) NOT NULL,
  currency            VARCHAR NOT NULL,
  signed_date         DATE NOT NULL,
  payment_terms_days  INTEGER NOT NULL,
  retention_pct       DECIMAL(5,2) NOT NULL DEFAULT 0,
  deposit_pct         DECIMAL(5,2) NOT NULL DEFAULT 0,
  review_window_days  INTEGER NOT NULL DEFAULT 5,
  bonus_per_day       DECIMAL(18,2) NOT NULL DEFAULT 0,
  bonus_cap           DECIMAL(18,2) NOT NULL DEFAULT 0,
  penalty_per_day     DECIMAL(18,2) NOT NULL DEFAULT 0,
  penalty_grace_days  INTEGER NOT NULL DEFAULT 0,
  penalty_cap         DECIMAL(18,2) NOT NULL DEFAULT 0,
  load_id             VARCHAR
);

CREATE TABLE projects (
  project_id   VARCHAR PRIMARY KEY,
  contract_id  VARCHAR NOT NULL,
  brand_id     VARCHAR NOT NULL,
  name         VARCHAR NOT NULL,
  start_date   DATE,
  load_id      VARCHAR
);

-- partner_id and brand_id are copied from the contract so that KPI scans over millions of
-- milestones need no join; the importer keeps them consistent.
CREATE TABLE milestones (
  milestone_id        VARCHAR PRIMARY KEY,
  project_id          VARCHAR NOT NULL,
  contract_id         VARCHAR NOT NULL,
  brand_id            VARCHAR NOT NULL,
  partner_id          VARCHAR NOT NULL,
  name                VARCHAR NOT NULL,
  type                VARCHAR NOT NULL CHECK (type IN ('strategy', 'creative', 'kol_seeding', 'livestream', 'store_setup', 'content_production', 'media_buy', 'reporting', 'other')),
  acceptance_criteria VARCHAR,
  planned_start       DATE,
  actual_start        DATE,
  baseline_due        DATE NOT NULL,
  current_due         DATE NOT NULL,
  amount              DECIMAL(18,2) NOT NULL,
  share               DOUBLE NOT NULL,
  status              VARCHAR NOT NULL CHECK (status IN ('planned', 'in_progress', 'submitted', 'revision_requested', 'approved', 'rejected', 'cancelled')),
  attributes          JSON,
  load_id             VARCHAR,
  source_file         VARCHAR,
  source_line         BIGINT
);

CREATE TABLE milestone_dependencies (
  milestone_id   VARCHAR NOT NULL,
  depends_on_id  VARCHAR NOT NULL,
  PRIMARY KEY (milestone_id, depends_on_id)
);

CREATE TABLE milestone_events (
  event_id      VARCHAR PRIMARY KEY,
  milestone_id  VARCHAR NOT NULL,
  kind          VARCHAR NOT NULL CHECK (kind IN ('submitted', 'revision_requested', 'approved', 'rejected')),
  event_date    DATE NOT NULL,
  actor         VARCHAR,
  load_id       VARCHAR
);

CREATE TABLE payments (
  payment_id      VARCHAR PRIMARY KEY,
  contract_id     VARCHAR NOT NULL,
  brand_id        VARCHAR NOT NULL,
  milestone_id    VARCHAR,
  kind            VARCHAR NOT NULL CHECK (kind IN ('deposit', 'milestone', 'retention_release', 'bonus', 'penalty')),
  amount          DECIMAL(18,2) NOT NULL,
  currency        VARCHAR NOT NULL,
  scheduled_date  DATE,
  invoiced_date   DATE,
  paid_date       DATE,
  load_id         VARCHAR
);

CREATE TABLE disputes (
  dispute_id     VARCHAR PRIMARY KEY,
  milestone_id   VARCHAR NOT NULL,
  brand_id       VARCHAR NOT NULL,
  opened_date    DATE NOT NULL,
  resolved_date  DATE,
  reason         VARCHAR NOT NULL CHECK (reason IN ('quality', 'scope', 'delay', 'acceptance_unclear', 'late_payment', 'other')),
  amount         DECIMAL(18,2) NOT NULL,
  outcome        VARCHAR CHECK (outcome IN ('paid_in_full', 'partial', 'withheld', 'cancelled')),
  load_id        VARCHAR
);

CREATE TABLE policy_changes (
  brand_id     VARCHAR NOT NULL,
  change_date  DATE NOT NULL,
  from_model   VARCHAR NOT NULL,
  to_model     VARCHAR NOT NULL,
  PRIMARY KEY (brand_id, change_date)
);

CREATE TABLE fx_rates (
  currency      VARCHAR NOT NULL,
  valid_from    DATE NOT NULL,
  usd_per_unit  DOUBLE NOT NULL,
  PRIMARY KEY (currency, valid_from)
);

-- China working-day calendar, filled from pipelines/calendar when the warehouse opens.
-- workday_index is the running count of workdays, so workdays between a and b = index(b) - index(a).
CREATE TABLE calendar_days (
  day            DATE PRIMARY KEY,
  is_workday     BOOLEAN NOT NULL,
  holiday        VARCHAR,
  period         VARCHAR,
  workday_index  INTEGER NOT NULL
);

-- Key-value facts about the data set (e.g. the effect the demo generator planted).
CREATE TABLE dataset_facts (
  key    VARCHAR PRIMARY KEY,
  value  JSON NOT NULL
);
