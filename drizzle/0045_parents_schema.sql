CREATE TABLE "council_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"offered_on" date NOT NULL,
	"kind" text NOT NULL,
	"meeting_on" date,
	"happened" text NOT NULL,
	"outcome" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_visits_kind" CHECK ("council_visits"."kind" in ('visit', 'meeting')),
	CONSTRAINT "council_visits_happened" CHECK ("council_visits"."happened" in ('not_yet', 'yes', 'declined', 'did_not_attend'))
);
--> statement-breakpoint
CREATE TABLE "information_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"asked" text NOT NULL,
	"sent_to" text,
	"sent_on" date NOT NULL,
	"due_on" date NOT NULL,
	"answered_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "information_requests_due_after_sent" CHECK ("information_requests"."due_on" >= "information_requests"."sent_on")
);
--> statement-breakpoint
ALTER TABLE "la_settings" ADD COLUMN "information_response_working_days" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "la_settings" ADD COLUMN "visit_offer_days" integer DEFAULT 28 NOT NULL;--> statement-breakpoint
ALTER TABLE "council_visits" ADD CONSTRAINT "council_visits_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_visits" ADD CONSTRAINT "council_visits_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_visits" ADD CONSTRAINT "council_visits_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_requests" ADD CONSTRAINT "information_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "council_visits_child_idx" ON "council_visits" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "information_requests_child_idx" ON "information_requests" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "information_requests_open_idx" ON "information_requests" USING btree ("la_id","due_on") WHERE "information_requests"."answered_on" is null;