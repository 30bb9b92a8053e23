ALTER TABLE "audit_events" ADD COLUMN "la_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_events_la_idx" ON "audit_events" USING btree ("la_id","id");