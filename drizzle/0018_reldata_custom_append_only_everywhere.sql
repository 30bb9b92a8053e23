-- Every history table refuses UPDATE, DELETE and TRUNCATE, whoever asks (decision 012). These
-- triggers hold for the tables' owner too; the app's own role (db/roles.ts) also lacks the
-- privileges, and cannot disable a trigger, since only the owner may alter the table.

-- A decided consent request was already final row by row (0004); TRUNCATE went round that.
CREATE FUNCTION consent_requests_refuse_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent requests are never deleted: TRUNCATE is not allowed'
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consent_requests_no_truncate
  BEFORE TRUNCATE ON consent_requests
  FOR EACH STATEMENT EXECUTE FUNCTION consent_requests_refuse_truncate();
--> statement-breakpoint
-- A child's timeline: what changed on their entry, when and by whom. People rely on it as the record.
CREATE FUNCTION entry_history_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'entry_history is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER entry_history_no_update_or_delete
  BEFORE UPDATE OR DELETE ON entry_history
  FOR EACH ROW EXECUTE FUNCTION entry_history_refuse_change();
--> statement-breakpoint
CREATE TRIGGER entry_history_no_truncate
  BEFORE TRUNCATE ON entry_history
  FOR EACH STATEMENT EXECUTE FUNCTION entry_history_refuse_change();
