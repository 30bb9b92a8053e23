CREATE TYPE "public"."contact_type" AS ENUM('visit', 'phone_call', 'letter', 'email', 'meeting', 'annual_review', 'note');--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"author_user_id" uuid,
	"contact_date" date NOT NULL,
	"type" "contact_type" NOT NULL,
	"with_whom" text NOT NULL,
	"what_happened" text NOT NULL,
	"outcome" text,
	"next_action" text,
	"next_action_due" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"editable_until" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "children_la_postcode_idx";--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "status_since" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "last_contact_on" date;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "last_annual_review_on" date;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "next_action" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "next_action_due" date;--> statement-breakpoint
ALTER TABLE "la_settings" ADD COLUMN "no_contact_alert_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "la_settings" ADD COLUMN "contact_edit_minutes" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_child_idx" ON "contacts" USING btree ("child_id","contact_date");--> statement-breakpoint
CREATE INDEX "contacts_la_created_idx" ON "contacts" USING btree ("la_id","created_at");--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "children_la_postcode_compact_idx" ON "children" USING btree ("la_id",replace("postcode", ' ', '') text_pattern_ops);--> statement-breakpoint
CREATE INDEX "children_la_date_of_birth_idx" ON "children" USING btree ("la_id","date_of_birth");--> statement-breakpoint
CREATE INDEX "children_address_trgm_idx" ON "children" USING gin (lower("address_line_1" || ' ' || coalesce("address_line_2", '') || ' ' || "town") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "children_la_owner_idx" ON "children" USING btree ("la_id","owner_user_id") WHERE "children"."date_left" is null;--> statement-breakpoint
CREATE INDEX "children_la_status_since_idx" ON "children" USING btree ("la_id","education_status","status_since") WHERE "children"."date_left" is null;--> statement-breakpoint
CREATE INDEX "children_la_last_contact_idx" ON "children" USING btree ("la_id",coalesce("last_contact_on", "date_entered")) WHERE "children"."date_left" is null;--> statement-breakpoint
CREATE INDEX "children_la_annual_review_idx" ON "children" USING btree ("la_id",coalesce("last_annual_review_on", "date_entered")) WHERE "children"."date_left" is null and "children"."education_status" = 'elective_home_education';--> statement-breakpoint
CREATE INDEX "children_la_next_action_idx" ON "children" USING btree ("la_id","next_action_due") WHERE "children"."date_left" is null and "children"."next_action_due" is not null;--> statement-breakpoint
CREATE INDEX "parents_and_carers_name_trgm_idx" ON "parents_and_carers" USING gin (lower("name") gin_trgm_ops);