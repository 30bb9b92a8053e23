-- A school's refused placement is the record of what the check stopped (decision 080): as the
-- councils' refusals (0010), once written a row is never changed or removed, whoever asks.
CREATE FUNCTION school_placement_refusals_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'school_placement_refusals is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER school_placement_refusals_no_update_or_delete
  BEFORE UPDATE OR DELETE ON school_placement_refusals
  FOR EACH ROW EXECUTE FUNCTION school_placement_refusals_refuse_change();
--> statement-breakpoint
CREATE TRIGGER school_placement_refusals_no_truncate
  BEFORE TRUNCATE ON school_placement_refusals
  FOR EACH STATEMENT EXECUTE FUNCTION school_placement_refusals_refuse_change();
