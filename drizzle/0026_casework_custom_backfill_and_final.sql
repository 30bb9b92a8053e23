-- Existing entries: in their maker's caseload, with their status from the day it was last set
-- (the latest history row that changed it, else the day the entry was made).
UPDATE children SET owner_user_id = created_by WHERE owner_user_id IS NULL;
--> statement-breakpoint
UPDATE children c SET status_since = coalesce(
  (SELECT max((h.occurred_at AT TIME ZONE 'Europe/London')::date) FROM entry_history h
    WHERE h.child_id = c.id AND h.changes @> '[{"field": "educationStatus"}]'::jsonb),
  c.date_entered);
--> statement-breakpoint
-- A contact or note is a record of what happened: its author may correct it for a short time (the
-- council's setting, kept on the row as editable_until), then it is final. Never deleted.
CREATE FUNCTION contacts_refuse_change_when_final() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'contacts are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'contacts are never deleted: TRUNCATE is not allowed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF now() >= OLD.editable_until THEN
    RAISE EXCEPTION 'a contact is final once its time for corrections has passed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.editable_until <> OLD.editable_until OR NEW.author_user_id IS DISTINCT FROM OLD.author_user_id
     OR NEW.child_id <> OLD.child_id OR NEW.la_id <> OLD.la_id OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'a contact keeps its child, author and times' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER contacts_final
  BEFORE UPDATE OR DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION contacts_refuse_change_when_final();
--> statement-breakpoint
CREATE TRIGGER contacts_no_truncate
  BEFORE TRUNCATE ON contacts
  FOR EACH STATEMENT EXECUTE FUNCTION contacts_refuse_change_when_final();
