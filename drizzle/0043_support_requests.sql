CREATE TYPE "public"."support_kind" AS ENUM('curriculum_advice', 'sen_advice', 'exam_entry', 'resources', 'careers', 'wellbeing', 'other');--> statement-breakpoint
CREATE TYPE "public"."support_outcome" AS ENUM('provided', 'accepted_elsewhere', 'declined_by_parent', 'withdrawn', 'not_possible');--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"requested_on" date NOT NULL,
	"requested_by" text NOT NULL,
	"kinds" "support_kind"[] NOT NULL,
	"details" text NOT NULL,
	"offered_on" date,
	"offer" text,
	"closed_on" date,
	"outcome" "support_outcome",
	"outcome_note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "support_requests_child_idx" ON "support_requests" USING btree ("child_id","requested_on");--> statement-breakpoint
CREATE INDEX "support_requests_la_open_idx" ON "support_requests" USING btree ("la_id","child_id") WHERE "support_requests"."closed_on" is null;