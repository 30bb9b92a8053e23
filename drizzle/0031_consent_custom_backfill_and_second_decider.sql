-- Requests raised before there was one request per rule (decision 036): each keeps its one row, for
-- the statutory rule where that applied, else the Commissioner's rule, and a decide-by date of the
-- council's working days after the day it was raised. Weekdays only here: bank holidays are the
-- application's (app/domain/working-days.ts), and these rows are few and mostly decided.
ALTER TABLE consent_requests DISABLE TRIGGER consent_requests_final;
--> statement-breakpoint
UPDATE consent_requests SET rule = 'exceptional_circumstances' WHERE NOT (rules @> '[{"rule": "statutory"}]'::jsonb);
--> statement-breakpoint
UPDATE consent_requests r SET decide_by = (
  SELECT d::date
  FROM generate_series((r.raised_at AT TIME ZONE 'Europe/London')::date + 1, (r.raised_at AT TIME ZONE 'Europe/London')::date + 200, interval '1 day') AS d
  WHERE extract(isodow FROM d) < 6
  ORDER BY d
  OFFSET coalesce((SELECT s.consent_overdue_working_days FROM la_settings s WHERE s.la_id = r.la_id), 10) - 1
  LIMIT 1
);
--> statement-breakpoint
ALTER TABLE consent_requests ENABLE TRIGGER consent_requests_final;
--> statement-breakpoint
-- A reconsideration is decided by someone other than the person who refused: the application
-- checks it (app/domain/consent-decisions.ts), and the database refuses it whatever wrote the row.
CREATE FUNCTION consent_requests_refuse_same_decider_twice() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.reconsiders_id IS NOT NULL AND NEW.decided_by IS NOT NULL AND EXISTS (
    SELECT 1 FROM consent_requests first WHERE first.id = NEW.reconsiders_id AND first.decided_by = NEW.decided_by
  ) THEN
    RAISE EXCEPTION 'a reconsideration is decided by someone other than the person who refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consent_requests_second_decider
  BEFORE INSERT OR UPDATE ON consent_requests
  FOR EACH ROW EXECUTE FUNCTION consent_requests_refuse_same_decider_twice();
