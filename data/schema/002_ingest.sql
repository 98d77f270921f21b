-- Import bookkeeping: rows that could not be loaded, and the earlier versions of updated rows.

-- Every source row that was not loaded, with the first rule it broke. Together with the loaded rows
-- this reconciles with the file: rows_read = inserted + updated + unchanged + quarantined.
CREATE TABLE quarantine (
  load_id      VARCHAR NOT NULL,
  source_file  VARCHAR NOT NULL,
  source_line  BIGINT NOT NULL,
  rule         VARCHAR NOT NULL,   -- e.g. unparseable, impossible_date, missing_required, duplicate_key
  column_name  VARCHAR,            -- the source column at fault, when there is one
  value        VARCHAR,            -- the offending cell as read (truncated to 1,000 characters)
  message      VARCHAR NOT NULL,   -- for a person
  row_data     JSON                -- the whole source row as read
);

-- The version of a milestone before a later load changed it (the baseline due date never changes).
CREATE TABLE milestone_history (
  milestone_id  VARCHAR NOT NULL,
  load_id       VARCHAR NOT NULL,  -- the load that replaced this version
  replaced_at   TIMESTAMP NOT NULL,
  previous      JSON NOT NULL
);
