CREATE TYPE "public"."destination" AS ENUM('english_council', 'wales_scotland_northern_ireland', 'abroad', 'not_known');--> statement-breakpoint
CREATE TABLE "child_references" (
	"reference" text PRIMARY KEY NOT NULL,
	"reference_number" bigint NOT NULL,
	"retired_into" text,
	"retired_at" timestamp with time zone,
	"consistent_identifier" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "child_references_retired_complete" CHECK (("child_references"."retired_into" is null) = ("child_references"."retired_at" is null))
);
--> statement-breakpoint
CREATE TABLE "council_queue_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"source_la_id" uuid,
	"source_child_id" uuid,
	"child_id" uuid,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'new' NOT NULL,
	"owner_user_id" uuid,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text,
	CONSTRAINT "council_queue_items_state" CHECK ("council_queue_items"."state" in ('new', 'matched', 'made_entry', 'dismissed')),
	CONSTRAINT "council_queue_items_decided" CHECK (("council_queue_items"."state" = 'new') = ("council_queue_items"."decided_at" is null)),
	CONSTRAINT "council_queue_items_dismissed_reason" CHECK ("council_queue_items"."state" <> 'dismissed' or "council_queue_items"."decision_reason" is not null)
);
--> statement-breakpoint
DROP INDEX "children_child_reference_key";--> statement-breakpoint
DROP INDEX "children_reference_number_key";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "counterpart_la_id" uuid;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "reason_left_detail" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "destination" "destination";--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "destination_la_id" uuid;--> statement-breakpoint
ALTER TABLE "la_settings" ADD COLUMN "team_email" text;--> statement-breakpoint
ALTER TABLE "la_settings" ADD COLUMN "team_phone" text;--> statement-breakpoint
ALTER TABLE "la_settings" ADD COLUMN "transfer_reminder_working_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "council_queue_items" ADD CONSTRAINT "council_queue_items_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_queue_items" ADD CONSTRAINT "council_queue_items_source_la_id_organisations_id_fk" FOREIGN KEY ("source_la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_queue_items" ADD CONSTRAINT "council_queue_items_source_child_id_children_id_fk" FOREIGN KEY ("source_child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_queue_items" ADD CONSTRAINT "council_queue_items_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_queue_items" ADD CONSTRAINT "council_queue_items_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_queue_items" ADD CONSTRAINT "council_queue_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "child_references_reference_number_key" ON "child_references" USING btree ("reference_number");--> statement-breakpoint
CREATE UNIQUE INDEX "child_references_consistent_identifier_key" ON "child_references" USING btree ("consistent_identifier");--> statement-breakpoint
CREATE INDEX "child_references_retired_into_idx" ON "child_references" USING btree ("retired_into");--> statement-breakpoint
CREATE INDEX "council_queue_items_open_idx" ON "council_queue_items" USING btree ("la_id","kind","due_on") WHERE "council_queue_items"."state" = 'new';--> statement-breakpoint
CREATE INDEX "council_queue_items_la_idx" ON "council_queue_items" USING btree ("la_id","created_at");--> statement-breakpoint
CREATE INDEX "council_queue_items_source_child_idx" ON "council_queue_items" USING btree ("source_child_id");--> statement-breakpoint
CREATE INDEX "council_queue_items_child_idx" ON "council_queue_items" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "council_queue_items_reminder_idx" ON "council_queue_items" USING btree ("created_at") WHERE "council_queue_items"."state" = 'new' and "council_queue_items"."reminder_sent_at" is null;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_destination_la_id_organisations_id_fk" FOREIGN KEY ("destination_la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_counterpart_la_idx" ON "audit_events" USING btree ("counterpart_la_id","id") WHERE "audit_events"."counterpart_la_id" is not null;--> statement-breakpoint
CREATE INDEX "children_child_reference_idx" ON "children" USING btree ("child_reference");--> statement-breakpoint
CREATE INDEX "children_date_of_birth_idx" ON "children" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "children_la_name_sound_idx" ON "children" USING btree ("la_id",dmetaphone("last_name"),dmetaphone("first_name"));--> statement-breakpoint
CREATE INDEX "children_destination_unknown_idx" ON "children" USING btree ("date_of_birth") WHERE "children"."destination" = 'not_known';--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_destination_only_when_moved" CHECK ("children"."destination" is null or "children"."reason_left" = 'moved_out_of_area');--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_destination_council" CHECK (coalesce("children"."destination" = 'english_council', false) = ("children"."destination_la_id" is not null));