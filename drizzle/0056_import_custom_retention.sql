-- Custom SQL migration file, put your code below! --
-- The rows staged by a bulk import join the retention schedule (decision 075): deleted 14 days after
-- the import ends, unless the service admin chooses otherwise.
INSERT INTO retention_rules (kind, period) VALUES ('register_import_row', 14) ON CONFLICT (kind) DO NOTHING;
