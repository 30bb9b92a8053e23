-- A listing's history is the record of who listed, suspended or revoked a provider and why: once
-- written, a row is never changed or removed, whoever asks.
CREATE FUNCTION listing_history_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'listing_history is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER listing_history_no_update_or_delete
  BEFORE UPDATE OR DELETE ON listing_history
  FOR EACH ROW EXECUTE FUNCTION listing_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER listing_history_no_truncate
  BEFORE TRUNCATE ON listing_history
  FOR EACH STATEMENT EXECUTE FUNCTION listing_history_refuse_change();
