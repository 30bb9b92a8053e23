-- Schools' pupil records join the retention schedule (decision 080's addendum): deleted, with their
-- placements and refused attempts, 72 months after the last placement ended (or the last attempt or
-- change to the record, if later), unless the service admin chooses otherwise.
INSERT INTO retention_rules (kind, period) VALUES ('school_pupil', 72) ON CONFLICT (kind) DO NOTHING;
--> statement-breakpoint
-- A school's refusals stay append-only (0061) except inside the function below, which sets
-- cnis.retention for its own statements only (as 0029's functions do).
CREATE OR REPLACE FUNCTION school_placement_refusals_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('cnis.retention', true) = 'delete_school_pupil' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'school_placement_refusals is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- Deletes at most p_limit pupil records whose last placement ended, and whose last refused attempt
-- and last change were, before p_before, which must be at least 24 months ago (the shortest period
-- app/domain/retention-schedule.ts allows; a test checks they agree), with their placements and
-- refusals. Returns how many pupil records went.
CREATE FUNCTION retention_delete_school_pupils(p_before timestamptz, p_limit integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  deleted integer;
  due uuid[];
BEGIN
  IF p_before > now() - interval '24 months' + interval '1 day' THEN
    RAISE EXCEPTION 'schools'' pupil records are kept for at least 24 months' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_limit < 1 OR p_limit > 10000 THEN
    RAISE EXCEPTION 'pupil records are deleted in batches of 1 to 10000' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT coalesce(array_agg(id), '{}') INTO due FROM (
    SELECT p.id FROM school_pupils p
    WHERE p.updated_at < p_before
      AND NOT EXISTS (SELECT 1 FROM school_placements sp WHERE sp.school_pupil_id = p.id AND sp.end_date >= (p_before AT TIME ZONE 'UTC')::date)
      AND NOT EXISTS (SELECT 1 FROM school_placement_refusals r WHERE r.school_pupil_id = p.id AND r.attempted_at >= p_before)
    ORDER BY p.id
    LIMIT p_limit
    FOR UPDATE OF p
  ) d;
  PERFORM set_config('cnis.retention', 'delete_school_pupil', true);
  DELETE FROM school_placement_refusals WHERE school_pupil_id = ANY (due);
  PERFORM set_config('cnis.retention', '', true);
  DELETE FROM school_placements WHERE school_pupil_id = ANY (due);
  DELETE FROM school_pupils WHERE id = ANY (due);
  GET DIAGNOSTICS deleted = ROW_COUNT;
  RETURN deleted;
END;
$$;
--> statement-breakpoint
-- Only the app's role may call it (db/roles.ts grants it EXECUTE).
REVOKE ALL ON FUNCTION retention_delete_school_pupils(timestamptz, integer) FROM PUBLIC;
