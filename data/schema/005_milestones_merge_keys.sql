-- `milestones` without its PRIMARY KEY: the importer's merge keeps one row per milestone_id itself
-- (it splits new keys from existing ones before writing: pipelines/ingest/load/special-keys-sql.ts,
-- write-sql.ts, loads one at a time per warehouse: load-lock.ts), and the other writers check
-- (pipelines/warehouse/insert-records.ts, the demo loader). The key's ART index cost a bulk load
-- ~0.5 CPU s per million rows on insert and ~0.8 s at its COMMIT (docs/import.md).
-- DuckDB cannot drop a constraint: the table is recreated with the same columns in the same order
-- (the demo appenders write by position), keeping its rows.

CREATE TABLE milestones_005 (
  milestone_id        VARCHAR NOT NULL,
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

INSERT INTO milestones_005 SELECT * FROM milestones;
DROP TABLE milestones;
ALTER TABLE milestones_005 RENAME TO milestones;
