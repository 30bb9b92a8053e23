-- The retention schedule (decisions 050 and 051). The periods are seeded with the defaults that
-- app/domain/retention-schedule.ts states (a test checks they agree); the service admin changes them.
INSERT INTO retention_rules (kind, period) VALUES
  ('register_entry', 72), ('audit_event', 84), ('invitation', 90), ('password_reset', 30), ('sign_in_throttle', 1), ('email_outbox', 90)
ON CONFLICT (kind) DO NOTHING;
--> statement-breakpoint
-- The history tables stay append-only (decision 012): the app's role has no UPDATE or DELETE on
-- them, and their triggers refuse every change, whoever asks, EXCEPT inside the two functions below,
-- which set cnis.retention for their own statements only. The app's role could set that variable
-- too, but without the privileges it changes nothing; the functions, SECURITY DEFINER, act with the
-- owner's. TRUNCATE is refused always.
CREATE OR REPLACE FUNCTION entry_history_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('cnis.retention', true) = 'anonymise' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'entry_history is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION placement_refusals_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('cnis.retention', true) = 'anonymise' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'placement_refusals is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION consent_requests_refuse_change_of_decided() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'consent requests are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status <> 'pending' AND current_setting('cnis.retention', true) IS DISTINCT FROM 'anonymise' THEN
    RAISE EXCEPTION 'a decided consent request is final and cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('cnis.retention', true) = 'delete_audit' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- Anonymises what hangs off an entry the entry writer has already anonymised (it locked the entry
-- first, set anonymised_at and wrote the history row and audit event in the same transaction):
-- history keeps each change's field and the values the statistics count; consent requests keep
-- dates and outcome; refused placements keep codes and dates. Refuses an entry not anonymised, so
-- it cannot be used to rewrite a live child's history.
CREATE FUNCTION retention_anonymise_entry_records(p_child uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  kept constant text[] := ARRAY['educationStatus', 'homeEducationReason', 'sex', 'senStatus', 'socialCareStatus', 'dateEntered', 'dateLeft', 'reasonLeft'];
  removed constant text := 'Removed under the retention schedule';
  history_rows integer;
  request_rows integer;
  refusal_rows integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM children WHERE id = p_child AND anonymised_at IS NOT NULL) THEN
    RAISE EXCEPTION 'only an anonymised entry''s records may be anonymised' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('cnis.retention', 'anonymise', true);
  UPDATE entry_history h
     SET changes = (SELECT coalesce(jsonb_agg(CASE WHEN c->>'field' = ANY (kept) THEN c
                                                  ELSE jsonb_build_object('field', c->'field', 'label', c->'label', 'from', NULL, 'to', NULL) END
                                             ORDER BY e.ord), '[]'::jsonb)
                      FROM jsonb_array_elements(h.changes) WITH ORDINALITY AS e(c, ord))
   WHERE h.child_id = p_child
     AND EXISTS (SELECT 1 FROM jsonb_array_elements(h.changes) c
                  WHERE NOT (c->>'field' = ANY (kept)) AND (c->>'from' IS NOT NULL OR c->>'to' IS NOT NULL));
  GET DIAGNOSTICS history_rows = ROW_COUNT;
  UPDATE consent_requests
     SET evidence = removed,
         statement = CASE WHEN statement IS NULL THEN NULL ELSE removed END,
         conditions = NULL,
         refusal_reasons = CASE WHEN refusal_reasons IS NULL THEN NULL ELSE removed END
   WHERE child_id = p_child AND evidence <> removed;
  GET DIAGNOSTICS request_rows = ROW_COUNT;
  UPDATE placement_refusals SET proposed = proposed - 'reason'
   WHERE child_id = p_child AND proposed ? 'reason';
  GET DIAGNOSTICS refusal_rows = ROW_COUNT;
  PERFORM set_config('cnis.retention', '', true);
  RETURN jsonb_build_object('historyRows', history_rows, 'consentRequests', request_rows, 'placementRefusals', refusal_rows);
END;
$$;
--> statement-breakpoint
-- Deletes at most p_limit audit events recorded before p_before, which must be at least 72 months
-- ago (the shortest period app/domain/retention-schedule.ts allows; a test checks they agree), with
-- a day's grace for England's calendar against UTC.
CREATE FUNCTION retention_delete_audit_events(p_before timestamptz, p_limit integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  deleted integer;
BEGIN
  IF p_before > now() - interval '72 months' + interval '1 day' THEN
    RAISE EXCEPTION 'audit events are kept for at least 72 months' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_limit < 1 OR p_limit > 10000 THEN
    RAISE EXCEPTION 'audit events are deleted in batches of 1 to 10000' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM set_config('cnis.retention', 'delete_audit', true);
  DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events WHERE occurred_at < p_before ORDER BY id LIMIT p_limit);
  GET DIAGNOSTICS deleted = ROW_COUNT;
  PERFORM set_config('cnis.retention', '', true);
  RETURN deleted;
END;
$$;
--> statement-breakpoint
-- Only the app's role may call them (db/roles.ts grants it EXECUTE); nobody else by default.
REVOKE ALL ON FUNCTION retention_anonymise_entry_records(uuid) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION retention_delete_audit_events(timestamptz, integer) FROM PUBLIC;
