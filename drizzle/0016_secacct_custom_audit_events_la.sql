-- Which LA's audit log shows an event: the acting user's LA; or, for events by someone outside any
-- LA (the service's jobs, a directory reviewer, a person asking for a password reset), the LA of
-- the child, placement, consent request, invitation or user the event is about.
CREATE FUNCTION audit_event_la(actor_organisation uuid, subject_type text, subject_id text) RETURNS uuid
LANGUAGE plpgsql STABLE AS $$
DECLARE
  found uuid;
BEGIN
  SELECT o.id INTO found FROM organisations o WHERE o.id = actor_organisation AND o.kind = 'local_authority';
  IF found IS NOT NULL THEN
    RETURN found;
  END IF;
  IF subject_id IS NULL OR subject_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
    RETURN NULL;
  END IF;
  IF subject_type = 'child' THEN
    SELECT c.la_id INTO found FROM children c WHERE c.id = subject_id::uuid;
  ELSIF subject_type = 'placement' THEN
    SELECT p.la_id INTO found FROM placements p WHERE p.id = subject_id::uuid;
  ELSIF subject_type = 'consent_request' THEN
    SELECT r.la_id INTO found FROM consent_requests r WHERE r.id = subject_id::uuid;
  ELSIF subject_type = 'invitation' THEN
    SELECT o.id INTO found FROM invitations i JOIN organisations o ON o.id = i.organisation_id AND o.kind = 'local_authority' WHERE i.id = subject_id::uuid;
  ELSIF subject_type = 'user' THEN
    SELECT o.id INTO found FROM users u JOIN organisations o ON o.id = u.organisation_id AND o.kind = 'local_authority' WHERE u.id = subject_id::uuid;
  END IF;
  RETURN found;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION audit_events_set_la() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.la_id := audit_event_la(NEW.actor_organisation_id, NEW.subject_type, NEW.subject_id);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_la_on_insert
  BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_set_la();
--> statement-breakpoint
-- Events written before this migration: the column is derived from what each event already says,
-- so filling it in changes no record; the append-only trigger steps aside for this one statement.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete;
--> statement-breakpoint
UPDATE audit_events SET la_id = audit_event_la(actor_organisation_id, subject_type, subject_id) WHERE la_id IS NULL;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete;
