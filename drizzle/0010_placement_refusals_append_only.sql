-- A refused placement is the LA's record of what the check stopped: once written, a row is never
-- changed or removed, whoever asks.
CREATE FUNCTION placement_refusals_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'placement_refusals is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER placement_refusals_no_update_or_delete
  BEFORE UPDATE OR DELETE ON placement_refusals
  FOR EACH ROW EXECUTE FUNCTION placement_refusals_refuse_change();
--> statement-breakpoint
CREATE TRIGGER placement_refusals_no_truncate
  BEFORE TRUNCATE ON placement_refusals
  FOR EACH STATEMENT EXECUTE FUNCTION placement_refusals_refuse_change();
