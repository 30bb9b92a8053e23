-- The retention schedule reaches every table about a child (decision 067). Inbox messages join the
-- schedule (1 year); sent emails are kept 30 days instead of 90, unless the service admin has chosen.
INSERT INTO retention_rules (kind, period) VALUES ('inbox_message', 365) ON CONFLICT (kind) DO NOTHING;
--> statement-breakpoint
UPDATE retention_rules SET period = 30, updated_at = now() WHERE kind = 'email_outbox' AND period = 90 AND updated_by IS NULL;
--> statement-breakpoint
-- A final contact is still never changed or deleted, except by the retention function below while
-- it anonymises an entry already anonymised, and then only to the removed values: the app's role
-- (which may UPDATE contacts within the correction window) setting cnis.retention itself can do no
-- more than the schedule would.
CREATE OR REPLACE FUNCTION contacts_refuse_change_when_final() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'contacts are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION 'contacts are never deleted: TRUNCATE is not allowed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF current_setting('cnis.retention', true) = 'anonymise'
     AND EXISTS (SELECT 1 FROM children WHERE id = OLD.child_id AND anonymised_at IS NOT NULL)
     AND NEW.with_whom = 'Removed under the retention schedule' AND NEW.what_happened = 'Removed under the retention schedule'
     AND NEW.outcome IS NULL AND NEW.next_action IS NULL AND NEW.next_action_due IS NULL
     AND NEW.id = OLD.id AND NEW.contact_date = OLD.contact_date AND NEW.type = OLD.type AND NEW.editable_until = OLD.editable_until
     AND NEW.author_user_id IS NOT DISTINCT FROM OLD.author_user_id AND NEW.child_id = OLD.child_id AND NEW.la_id = OLD.la_id
     AND NEW.created_at = OLD.created_at THEN
    RETURN NEW;
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
-- As before (migration privacy_custom_retention), and now also the history's summaries, the consent
-- decisions' best interests, social worker's view and views gathered (added since), the child's contacts and the council
-- queue's items that belong with the entry: this council's entry once matched or made, otherwise
-- the other council's entry the item came from. A transfer keeps its kind, dates, reference and
-- outcome; the child's name becomes "Anonymised", the date of birth the first day of the school
-- year group, the new address goes; every decision's reason goes.
CREATE OR REPLACE FUNCTION retention_anonymise_entry_records(p_child uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  kept constant text[] := ARRAY['educationStatus', 'homeEducationReason', 'sex', 'senStatus', 'socialCareStatus', 'dateEntered', 'dateLeft', 'reasonLeft'];
  removed constant text := 'Removed under the retention schedule';
  history_rows integer;
  request_rows integer;
  refusal_rows integer;
  contact_rows integer;
  queue_rows integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM children WHERE id = p_child AND anonymised_at IS NOT NULL) THEN
    RAISE EXCEPTION 'only an anonymised entry''s records may be anonymised' USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('cnis.retention', 'anonymise', true);
  -- A summary may quote what people wrote (a contact's "with whom", a reason a transfer was
  -- declined): each becomes its kind in words ("Contact recorded"), except the anonymisation's own.
  UPDATE entry_history h
     SET changes = (SELECT coalesce(jsonb_agg(CASE WHEN c->>'field' = ANY (kept) THEN c
                                                  ELSE jsonb_build_object('field', c->'field', 'label', c->'label', 'from', NULL, 'to', NULL) END
                                             ORDER BY e.ord), '[]'::jsonb)
                      FROM jsonb_array_elements(h.changes) WITH ORDINALITY AS e(c, ord)),
         summary = CASE WHEN h.kind = 'anonymised' THEN h.summary ELSE upper(left(replace(h.kind::text, '_', ' '), 1)) || substr(replace(h.kind::text, '_', ' '), 2) END
   WHERE h.child_id = p_child
     AND ((h.kind <> 'anonymised' AND h.summary <> upper(left(replace(h.kind::text, '_', ' '), 1)) || substr(replace(h.kind::text, '_', ' '), 2))
          OR EXISTS (SELECT 1 FROM jsonb_array_elements(h.changes) c
                      WHERE NOT (c->>'field' = ANY (kept)) AND (c->>'from' IS NOT NULL OR c->>'to' IS NOT NULL)));
  GET DIAGNOSTICS history_rows = ROW_COUNT;
  UPDATE consent_requests
     SET evidence = removed,
         statement = CASE WHEN statement IS NULL THEN NULL ELSE removed END,
         best_interests = CASE WHEN best_interests IS NULL THEN NULL ELSE removed END,
         social_worker_view = CASE WHEN social_worker_view IS NULL THEN NULL ELSE removed END,
         views = NULL,
         conditions = NULL,
         refusal_reasons = CASE WHEN refusal_reasons IS NULL THEN NULL ELSE removed END
   WHERE child_id = p_child AND (evidence <> removed OR views IS NOT NULL OR coalesce(best_interests, removed) <> removed OR coalesce(social_worker_view, removed) <> removed);
  GET DIAGNOSTICS request_rows = ROW_COUNT;
  UPDATE placement_refusals SET proposed = proposed - 'reason'
   WHERE child_id = p_child AND proposed ? 'reason';
  GET DIAGNOSTICS refusal_rows = ROW_COUNT;
  UPDATE contacts
     SET with_whom = removed, what_happened = removed, outcome = NULL, next_action = NULL, next_action_due = NULL
   WHERE child_id = p_child AND (with_whom <> removed OR what_happened <> removed OR outcome IS NOT NULL OR next_action IS NOT NULL OR next_action_due IS NOT NULL);
  GET DIAGNOSTICS contact_rows = ROW_COUNT;
  UPDATE council_queue_items q
     SET payload = CASE WHEN q.kind = 'incoming_transfer' THEN
                     q.payload || jsonb_build_object(
                       'firstName', 'Anonymised', 'lastName', 'Anonymised', 'newAddress', NULL,
                       'dateOfBirth', to_char(make_date(CASE WHEN extract(month FROM (q.payload->>'dateOfBirth')::date) >= 9
                                                             THEN extract(year FROM (q.payload->>'dateOfBirth')::date)::int
                                                             ELSE extract(year FROM (q.payload->>'dateOfBirth')::date)::int - 1 END, 9, 1), 'YYYY-MM-DD'))
                   ELSE q.payload END,
         decision_reason = CASE WHEN q.decision_reason IS NULL THEN NULL ELSE removed END
   WHERE (q.child_id = p_child OR (q.child_id IS NULL AND q.source_child_id = p_child))
     AND ((q.kind = 'incoming_transfer' AND q.payload->>'firstName' IS DISTINCT FROM 'Anonymised') OR (q.decision_reason IS NOT NULL AND q.decision_reason <> removed));
  GET DIAGNOSTICS queue_rows = ROW_COUNT;
  PERFORM set_config('cnis.retention', '', true);
  RETURN jsonb_build_object('historyRows', history_rows, 'consentRequests', request_rows, 'placementRefusals', refusal_rows, 'contacts', contact_rows, 'councilQueueItems', queue_rows);
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION retention_anonymise_entry_records(uuid) FROM PUBLIC;
