ALTER TABLE "la_placement_limits" ADD COLUMN "full_time_window_months" smallint DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "placement_refusals" ADD COLUMN "reasons" jsonb;--> statement-breakpoint
ALTER TABLE "la_placement_limits" ADD CONSTRAINT "la_placement_limits_window" CHECK ("la_placement_limits"."full_time_window_months" between 1 and 36);