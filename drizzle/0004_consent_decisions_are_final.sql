-- A decision on home education is a final record: it can be superseded by a new request, never
-- edited. Only a pending request may change (to be decided, or moved to a new social worker).
CREATE FUNCTION consent_requests_refuse_change_of_decided() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'consent requests are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status <> 'pending' THEN
    RAISE EXCEPTION 'a decided consent request is final and cannot be changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consent_requests_final
  BEFORE UPDATE OR DELETE ON consent_requests
  FOR EACH ROW EXECUTE FUNCTION consent_requests_refuse_change_of_decided();
