-- Custom SQL migration file, put your code below! --
-- A step of the process when home education may not be suitable is a record of what the council
-- served and decided: never changed or deleted. The one change allowed is the retention schedule's:
-- once the child's entry is anonymised, the reason given for a decision is removed.
CREATE FUNCTION suitability_steps_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.reason = 'Removed under the retention schedule'
     AND (NEW.id, NEW.child_id, NEW.la_id, NEW.action, NEW.stage_after, NEW.step_on, NEW.deadline, NEW.school_urns, NEW.decided_by_user_id, NEW.created_at)
         IS NOT DISTINCT FROM (OLD.id, OLD.child_id, OLD.la_id, OLD.action, OLD.stage_after, OLD.step_on, OLD.deadline, OLD.school_urns, OLD.decided_by_user_id, OLD.created_at)
     AND EXISTS (SELECT 1 FROM children WHERE id = OLD.child_id AND anonymised_at IS NOT NULL) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the steps of the suitability process are never changed or deleted' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER suitability_steps_final
  BEFORE UPDATE OR DELETE ON suitability_steps
  FOR EACH ROW EXECUTE FUNCTION suitability_steps_refuse_change();
--> statement-breakpoint
CREATE TRIGGER suitability_steps_no_truncate
  BEFORE TRUNCATE ON suitability_steps
  FOR EACH STATEMENT EXECUTE FUNCTION suitability_steps_refuse_change();
