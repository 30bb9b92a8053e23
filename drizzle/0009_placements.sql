CREATE TYPE "public"."placement_pattern" AS ENUM('full_time', 'part_time');--> statement-breakpoint
CREATE TABLE "la_placement_limits" (
	"la_id" uuid PRIMARY KEY NOT NULL,
	"full_time_max_weeks" smallint NOT NULL,
	"part_time_max_days_per_week" smallint NOT NULL,
	"part_time_max_sessions_per_week" smallint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "la_placement_limits_weeks" CHECK ("la_placement_limits"."full_time_max_weeks" between 1 and 52),
	CONSTRAINT "la_placement_limits_days" CHECK ("la_placement_limits"."part_time_max_days_per_week" between 1 and 5),
	CONSTRAINT "la_placement_limits_sessions" CHECK ("la_placement_limits"."part_time_max_sessions_per_week" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "placement_refusals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"la_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"provider_id" uuid,
	"placement_id" uuid,
	"codes" text[] NOT NULL,
	"proposed" jsonb NOT NULL,
	"attempted_by" uuid NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"site_id" uuid,
	"site_name" text NOT NULL,
	"site_postcode" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"pattern" "placement_pattern" NOT NULL,
	"days_per_week" smallint,
	"sessions_per_week" smallint,
	"hours_per_week" numeric(4, 1) NOT NULL,
	"reason" text NOT NULL,
	"ended_early_reason" text,
	"needs_review_since" timestamp with time zone,
	"needs_review_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_end_not_before_start" CHECK ("placements"."end_date" >= "placements"."start_date"),
	CONSTRAINT "placements_pattern_days" CHECK (("placements"."pattern" = 'full_time' and "placements"."days_per_week" is null and "placements"."sessions_per_week" is null) or ("placements"."pattern" = 'part_time' and "placements"."days_per_week" between 1 and 7 and "placements"."sessions_per_week" between "placements"."days_per_week" and 2 * "placements"."days_per_week")),
	CONSTRAINT "placements_hours" CHECK ("placements"."hours_per_week" > 0 and "placements"."hours_per_week" <= 168),
	CONSTRAINT "placements_review_reason" CHECK (("placements"."needs_review_since" is null) = ("placements"."needs_review_reason" is null))
);
--> statement-breakpoint
ALTER TABLE "la_placement_limits" ADD CONSTRAINT "la_placement_limits_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_placement_limits" ADD CONSTRAINT "la_placement_limits_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_refusals" ADD CONSTRAINT "placement_refusals_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_refusals" ADD CONSTRAINT "placement_refusals_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_refusals" ADD CONSTRAINT "placement_refusals_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_refusals" ADD CONSTRAINT "placement_refusals_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_refusals" ADD CONSTRAINT "placement_refusals_attempted_by_users_id_fk" FOREIGN KEY ("attempted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_site_id_listing_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."listing_sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "placement_refusals_la_idx" ON "placement_refusals" USING btree ("la_id","attempted_at");--> statement-breakpoint
CREATE INDEX "placement_refusals_child_idx" ON "placement_refusals" USING btree ("child_id","attempted_at");--> statement-breakpoint
CREATE INDEX "placements_listing_end_idx" ON "placements" USING btree ("listing_id","end_date");--> statement-breakpoint
CREATE INDEX "placements_child_idx" ON "placements" USING btree ("child_id","start_date");--> statement-breakpoint
CREATE INDEX "placements_la_start_idx" ON "placements" USING btree ("la_id","start_date");--> statement-breakpoint
CREATE INDEX "placements_la_needs_review_idx" ON "placements" USING btree ("la_id","needs_review_since") WHERE "placements"."needs_review_since" is not null;--> statement-breakpoint
CREATE INDEX "placements_provider_start_idx" ON "placements" USING btree ("provider_id","start_date");