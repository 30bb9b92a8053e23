-- Custom SQL migration file, put your code below! --
-- Schools' returns name their pupil in columns as well as in the payload (decision 076): the rows
-- sent before take them from what the school sent. The returns join the retention schedule as a
-- kind of their own: deleted 2 years after they were sent, once the council has dealt with them.
UPDATE school_returns SET first_name = payload->>'firstName', last_name = payload->>'lastName', date_of_birth = (payload->>'dateOfBirth')::date, upn = nullif(payload->>'upn', '') WHERE first_name IS NULL;
--> statement-breakpoint
INSERT INTO retention_rules (kind, period) VALUES ('school_return', 24) ON CONFLICT (kind) DO NOTHING;
