ALTER TYPE "public"."organisation_kind" ADD VALUE 'school';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'school_staff';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'school_admin';--> statement-breakpoint
CREATE TABLE "schools" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"urn" text NOT NULL,
	"la_id" uuid NOT NULL,
	"la_code" text NOT NULL,
	"establishment_number" text,
	"name" text NOT NULL,
	"type_code" text NOT NULL,
	"type_name" text NOT NULL,
	"type_group_code" text,
	"status_code" text NOT NULL,
	"status_name" text NOT NULL,
	"phase_code" text NOT NULL,
	"phase_name" text NOT NULL,
	"open_date" date,
	"close_date" date,
	"street" text,
	"locality" text,
	"address3" text,
	"town" text,
	"county" text,
	"postcode" text,
	"open" boolean NOT NULL,
	"missing_from_extract_since" timestamp with time zone,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schools_urn_unique" UNIQUE("urn"),
	CONSTRAINT "schools_urn_format" CHECK ("schools"."urn" ~ '^[0-9]{5,7}$'),
	CONSTRAINT "schools_la_code_format" CHECK ("schools"."la_code" ~ '^[0-9]{3}$'),
	CONSTRAINT "schools_missing_not_open" CHECK ("schools"."missing_from_extract_since" is null or not "schools"."open")
);
--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schools" ADD CONSTRAINT "schools_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schools_la_name_idx" ON "schools" USING btree ("la_id","name");