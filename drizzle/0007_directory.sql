CREATE TYPE "public"."application_section_status" AS ENUM('in_progress', 'completed');--> statement-breakpoint
CREATE TYPE "public"."change_request_state" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."listing_site_kind" AS ENUM('proposed', 'listed');--> statement-breakpoint
CREATE TYPE "public"."listing_state" AS ENUM('draft', 'submitted', 'changes_requested', 'approved', 'refused', 'suspended', 'revoked', 'expired');--> statement-breakpoint
CREATE TABLE "application_sections" (
	"listing_id" uuid NOT NULL,
	"section" text NOT NULL,
	"status" "application_section_status" NOT NULL,
	"answers" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "application_sections_listing_id_section_pk" PRIMARY KEY("listing_id","section")
);
--> statement-breakpoint
CREATE TABLE "change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"state" "change_request_state" DEFAULT 'pending' NOT NULL,
	"proposed" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "listing_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"listing_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" "listing_state" NOT NULL,
	"to_state" "listing_state" NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text,
	"reason" text,
	"listed_until" date,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"kind" "listing_site_kind" NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"address_line_1" text NOT NULL,
	"address_line_2" text,
	"town" text NOT NULL,
	"postcode" text NOT NULL,
	"district" text NOT NULL,
	"la_id" uuid NOT NULL,
	"capacity" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state" "listing_state" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"renewal_requested_at" timestamp with time zone,
	"listed_since" date,
	"listed_until" date,
	"conditions" text,
	"listed_name" text,
	"provision_types" text[],
	"age_min" smallint,
	"age_max" smallint,
	"pattern" text,
	"listed_details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_comments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"listing_id" uuid NOT NULL,
	"history_id" bigint NOT NULL,
	"section" text NOT NULL,
	"comment" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_sections" ADD CONSTRAINT "application_sections_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_sections" ADD CONSTRAINT "application_sections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_history" ADD CONSTRAINT "listing_history_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_history" ADD CONSTRAINT "listing_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_sites" ADD CONSTRAINT "listing_sites_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_sites" ADD CONSTRAINT "listing_sites_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_history_id_listing_history_id_fk" FOREIGN KEY ("history_id") REFERENCES "public"."listing_history"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comments" ADD CONSTRAINT "review_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "change_requests_one_pending_key" ON "change_requests" USING btree ("listing_id") WHERE "change_requests"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "change_requests_state_idx" ON "change_requests" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "listing_history_listing_idx" ON "listing_history" USING btree ("listing_id","occurred_at");--> statement-breakpoint
CREATE INDEX "listing_sites_listing_idx" ON "listing_sites" USING btree ("listing_id","kind","position");--> statement-breakpoint
CREATE INDEX "listing_sites_la_idx" ON "listing_sites" USING btree ("la_id","kind");--> statement-breakpoint
CREATE INDEX "listing_sites_district_idx" ON "listing_sites" USING btree ("district","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "listings_organisation_key" ON "listings" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "listings_state_submitted_idx" ON "listings" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "listings_state_listed_until_idx" ON "listings" USING btree ("state","listed_until");--> statement-breakpoint
CREATE INDEX "listings_listed_name_idx" ON "listings" USING btree (lower("listed_name"));--> statement-breakpoint
CREATE INDEX "review_comments_listing_idx" ON "review_comments" USING btree ("listing_id","history_id");