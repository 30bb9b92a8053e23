-- One reference per child, nationally (issue 15 item 1, decision 032). Every reference issued so far
-- becomes a row of child_references; entries that share an NHS number or a UPN (the same child on
-- several councils' registers, or a child's earlier entry) are given one reference, the oldest, and
-- the others are retired into it, so they still find the child in search.
INSERT INTO child_references (reference, reference_number, created_at)
SELECT child_reference, reference_number, min(created_at) FROM children GROUP BY child_reference, reference_number;
--> statement-breakpoint
CREATE TEMPORARY TABLE move_original_references AS SELECT id, child_reference FROM children;
--> statement-breakpoint
-- Each pass gives every group sharing an identifier its oldest reference; references only ever get
-- older, so the passes end, joining chains (an NHS number in one pair, a UPN in another) too.
DO $$
DECLARE
  changed integer;
BEGIN
  LOOP
    WITH oldest AS (
      SELECT DISTINCT ON (c.nhs_number) c.nhs_number, c.child_reference
      FROM children c JOIN child_references r ON r.reference = c.child_reference
      WHERE c.nhs_number IS NOT NULL
      ORDER BY c.nhs_number, r.created_at, r.reference_number
    )
    UPDATE children c SET child_reference = oldest.child_reference
    FROM oldest WHERE c.nhs_number = oldest.nhs_number AND c.child_reference <> oldest.child_reference;
    GET DIAGNOSTICS changed = ROW_COUNT;
    WITH oldest AS (
      SELECT DISTINCT ON (c.upn) c.upn, c.child_reference
      FROM children c JOIN child_references r ON r.reference = c.child_reference
      WHERE c.upn IS NOT NULL
      ORDER BY c.upn, r.created_at, r.reference_number
    )
    UPDATE children c SET child_reference = oldest.child_reference
    FROM oldest WHERE c.upn = oldest.upn AND c.child_reference <> oldest.child_reference;
    IF changed = 0 THEN
      GET DIAGNOSTICS changed = ROW_COUNT;
      EXIT WHEN changed = 0;
    END IF;
  END LOOP;
END;
$$;
--> statement-breakpoint
-- An entry's reference number follows its reference.
UPDATE children c SET reference_number = r.reference_number FROM child_references r WHERE r.reference = c.child_reference AND c.reference_number <> r.reference_number;
--> statement-breakpoint
UPDATE child_references r SET retired_into = moved.child_reference, retired_at = now()
FROM (SELECT DISTINCT o.child_reference AS old_reference, c.child_reference FROM move_original_references o JOIN children c ON c.id = o.id WHERE c.child_reference <> o.child_reference) AS moved
WHERE r.reference = moved.old_reference;
--> statement-breakpoint
-- The timeline says so, in words (entry_history is append-only: this only adds rows).
INSERT INTO entry_history (child_id, la_id, version, kind, summary, changes)
SELECT c.id, c.la_id, c.version, 'reference_joined',
  'Child reference changed to ' || c.child_reference || ': the same child (same NHS number or UPN) has an older reference on another register',
  jsonb_build_array(jsonb_build_object('field', 'childReference', 'label', 'Child reference', 'from', o.child_reference, 'to', c.child_reference))
FROM children c JOIN move_original_references o ON o.id = c.id WHERE c.child_reference <> o.child_reference;
--> statement-breakpoint
DROP TABLE move_original_references;
--> statement-breakpoint
ALTER TABLE children ADD CONSTRAINT children_child_reference_child_references_reference_fk FOREIGN KEY (child_reference) REFERENCES child_references(reference);
--> statement-breakpoint
ALTER TABLE child_references ADD CONSTRAINT child_references_retired_into_fk FOREIGN KEY (retired_into) REFERENCES child_references(reference);
--> statement-breakpoint
-- Queue items are audited too: a job's reminder about one shows in the deciding council's log.
CREATE OR REPLACE FUNCTION audit_event_la(actor_organisation uuid, subject_type text, subject_id text) RETURNS uuid
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
  ELSIF subject_type = 'council_queue_item' THEN
    SELECT q.la_id INTO found FROM council_queue_items q WHERE q.id = subject_id::uuid;
  END IF;
  RETURN found;
END;
$$;
