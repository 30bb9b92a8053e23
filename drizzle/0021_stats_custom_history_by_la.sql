-- The statistics job reads each council's history since its earliest census day, council by
-- council; without this it would read the whole of entry_history once per council. Hand-written
-- (not in db/schema) so it stays out of the way of changes to how history is written.
CREATE INDEX IF NOT EXISTS "entry_history_la_occurred_idx" ON "entry_history" USING btree ("la_id", "occurred_at");
