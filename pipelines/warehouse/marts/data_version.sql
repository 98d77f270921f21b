-- A new data version after every refresh (so after every load): in-process caches key their
-- answers by it (pipelines/warehouse/data-version.ts). Runs last, inside the marts' transaction
-- (its own, right after the load's COMMIT), so the version and the marts it describes become
-- visible together.
INSERT OR REPLACE INTO dataset_facts
VALUES ('data_version', to_json(strftime(now(), '%Y%m%dT%H%M%S') || '-' || left(gen_random_uuid()::VARCHAR, 8)));
