-- Custom SQL migration file, put your code below! --
-- Decision 073: parents' notifications that made no entry are deleted under their own retention rule, seeded with its default.
INSERT INTO retention_rules (kind, period) VALUES ('parent_notification', 12) ON CONFLICT (kind) DO NOTHING;
