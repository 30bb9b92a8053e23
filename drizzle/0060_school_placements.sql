CREATE TABLE "school_placement_refusals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"school_pupil_id" uuid NOT NULL,
	"provider_id" uuid,
	"codes" text[] NOT NULL,
	"reasons" jsonb NOT NULL,
	"proposed" jsonb NOT NULL,
	"attempted_by" uuid NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_pupil_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
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
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_placements_end_not_before_start" CHECK ("school_placements"."end_date" >= "school_placements"."start_date"),
	CONSTRAINT "school_placements_pattern_days" CHECK (("school_placements"."pattern" = 'full_time' and "school_placements"."days_per_week" is null and "school_placements"."sessions_per_week" is null) or ("school_placements"."pattern" = 'part_time' and "school_placements"."days_per_week" between 1 and 7 and "school_placements"."sessions_per_week" between "school_placements"."days_per_week" and 2 * "school_placements"."days_per_week")),
	CONSTRAINT "school_placements_hours" CHECK ("school_placements"."hours_per_week" > 0 and "school_placements"."hours_per_week" <= 168)
);
--> statement-breakpoint
CREATE TABLE "school_pupils" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"upn" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"looked_after" boolean NOT NULL,
	"has_sen" boolean NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_pupils_school_upn" UNIQUE("school_id","upn")
);
--> statement-breakpoint
ALTER TABLE "school_placement_refusals" ADD CONSTRAINT "school_placement_refusals_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_placement_refusals" ADD CONSTRAINT "school_placement_refusals_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_placement_refusals" ADD CONSTRAINT "school_placement_refusals_school_pupil_id_school_pupils_id_fk" FOREIGN KEY ("school_pupil_id") REFERENCES "public"."school_pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_placement_refusals" ADD CONSTRAINT "school_placement_refusals_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_placement_refusals" ADD CONSTRAINT "school_placement_refusals_attempted_by_users_id_fk" FOREIGN KEY ("attempted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_placements" ADD CONSTRAINT "school_placements_school_pupil_id_school_pupils_id_fk" FOREIGN KEY ("school_pupil_id") REFERENCES "public"."school_pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_placements" ADD CONSTRAINT "school_placements_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_placements" ADD CONSTRAINT "school_placements_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_placements" ADD CONSTRAINT "school_placements_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_placements" ADD CONSTRAINT "school_placements_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_placements" ADD CONSTRAINT "school_placements_site_id_listing_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."listing_sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_placements" ADD CONSTRAINT "school_placements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_placements" ADD CONSTRAINT "school_placements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_pupils" ADD CONSTRAINT "school_pupils_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_pupils" ADD CONSTRAINT "school_pupils_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_pupils" ADD CONSTRAINT "school_pupils_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_placement_refusals_school_idx" ON "school_placement_refusals" USING btree ("school_id","attempted_at");--> statement-breakpoint
CREATE INDEX "school_placements_listing_end_idx" ON "school_placements" USING btree ("listing_id","end_date");--> statement-breakpoint
CREATE INDEX "school_placements_pupil_idx" ON "school_placements" USING btree ("school_pupil_id","start_date");--> statement-breakpoint
CREATE INDEX "school_placements_school_start_idx" ON "school_placements" USING btree ("school_id","start_date");--> statement-breakpoint
CREATE INDEX "school_placements_la_start_idx" ON "school_placements" USING btree ("la_id","start_date");--> statement-breakpoint
CREATE INDEX "school_placements_provider_start_idx" ON "school_placements" USING btree ("provider_id","start_date");--> statement-breakpoint
CREATE INDEX "school_pupils_upn_idx" ON "school_pupils" USING btree ("upn");