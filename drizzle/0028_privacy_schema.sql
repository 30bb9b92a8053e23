CREATE TABLE "retention_rules" (
	"kind" text PRIMARY KEY NOT NULL,
	"period" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_rules_period_positive" CHECK ("retention_rules"."period" > 0)
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "restricted_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;