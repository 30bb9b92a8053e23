CREATE TYPE "public"."education_provider_type" AS ENUM('tutor', 'online_school', 'out_of_school_setting', 'alternative_provision', 'other');--> statement-breakpoint
CREATE TYPE "public"."education_status" AS ENUM('elective_home_education', 'unregistered_setting', 'not_on_roll', 'on_roll_full_absence', 'on_roll_arranged_elsewhere', 'eotas');--> statement-breakpoint
CREATE TYPE "public"."information_source" AS ENUM('parent', 'provider', 'la_records');--> statement-breakpoint
CREATE TYPE "public"."reason_left" AS ENUM('returned_to_school', 'moved_out_of_area', 'above_compulsory_school_age', 'other');--> statement-breakpoint
CREATE TYPE "public"."sen_status" AS ENUM('none', 'sen_support', 'ehc_plan');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male');--> statement-breakpoint
CREATE TYPE "public"."social_care_status" AS ENUM('none', 'child_in_need_plan', 'child_protection_plan', 'looked_after', 's47_enquiry');--> statement-breakpoint
CREATE SEQUENCE "public"."child_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"child_reference" text NOT NULL,
	"reference_number" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"first_name" text NOT NULL,
	"middle_names" text,
	"last_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" "sex",
	"address_line_1" text NOT NULL,
	"address_line_2" text,
	"town" text NOT NULL,
	"postcode" text NOT NULL,
	"upn" text,
	"nhs_number" text,
	"la_child_id" text,
	"education_status" "education_status" NOT NULL,
	"sen_status" "sen_status" DEFAULT 'none' NOT NULL,
	"social_care_status" "social_care_status" DEFAULT 'none' NOT NULL,
	"allocated_social_worker_id" uuid,
	"at_risk_of_harm_from_home" boolean DEFAULT false NOT NULL,
	"la_arranged_special_school_place" boolean DEFAULT false NOT NULL,
	"named_school" text,
	"home_education_reason" text,
	"sources" jsonb NOT NULL,
	"date_entered" date NOT NULL,
	"date_left" date,
	"reason_left" "reason_left",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	CONSTRAINT "children_left_needs_reason" CHECK (("children"."date_left" is null) = ("children"."reason_left" is null))
);
--> statement-breakpoint
CREATE TABLE "education_arrangements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"provider_name" text NOT NULL,
	"provider_type" "education_provider_type" NOT NULL,
	"online" boolean NOT NULL,
	"location" text NOT NULL,
	"hours_per_week" numeric(4, 1) NOT NULL,
	"hours_without_parent" numeric(4, 1) NOT NULL,
	"listing_id" uuid
);
--> statement-breakpoint
CREATE TABLE "entry_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"child_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parents_and_carers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"relationship" text NOT NULL,
	"has_parental_responsibility" boolean NOT NULL,
	"lives_with_child" boolean NOT NULL,
	"address_line_1" text,
	"address_line_2" text,
	"town" text,
	"postcode" text,
	"phone" text,
	"email" text,
	"educates_child" boolean DEFAULT false NOT NULL,
	"hours_per_week" numeric(4, 1)
);
--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_allocated_social_worker_id_users_id_fk" FOREIGN KEY ("allocated_social_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_arrangements" ADD CONSTRAINT "education_arrangements_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_arrangements" ADD CONSTRAINT "education_arrangements_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_history" ADD CONSTRAINT "entry_history_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_history" ADD CONSTRAINT "entry_history_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_history" ADD CONSTRAINT "entry_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parents_and_carers" ADD CONSTRAINT "parents_and_carers_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parents_and_carers" ADD CONSTRAINT "parents_and_carers_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "children_child_reference_key" ON "children" USING btree ("child_reference");--> statement-breakpoint
CREATE UNIQUE INDEX "children_reference_number_key" ON "children" USING btree ("reference_number");--> statement-breakpoint
CREATE INDEX "children_la_name_idx" ON "children" USING btree ("la_id",lower("last_name"),lower("first_name"),"id");--> statement-breakpoint
CREATE INDEX "children_la_last_name_prefix_idx" ON "children" USING btree ("la_id",lower("last_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "children_la_first_name_prefix_idx" ON "children" USING btree ("la_id",lower("first_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "children_la_postcode_idx" ON "children" USING btree ("la_id","postcode" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "children_upn_idx" ON "children" USING btree ("upn");--> statement-breakpoint
CREATE INDEX "children_nhs_number_idx" ON "children" USING btree ("nhs_number");--> statement-breakpoint
CREATE UNIQUE INDEX "children_la_upn_current_key" ON "children" USING btree ("la_id","upn") WHERE "children"."date_left" is null and "children"."upn" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "children_la_nhs_number_current_key" ON "children" USING btree ("la_id","nhs_number") WHERE "children"."date_left" is null and "children"."nhs_number" is not null;--> statement-breakpoint
CREATE INDEX "children_la_child_id_idx" ON "children" USING btree ("la_id","la_child_id");--> statement-breakpoint
CREATE INDEX "children_allocated_social_worker_idx" ON "children" USING btree ("allocated_social_worker_id");--> statement-breakpoint
CREATE INDEX "education_arrangements_child_idx" ON "education_arrangements" USING btree ("child_id","position");--> statement-breakpoint
CREATE INDEX "entry_history_child_idx" ON "entry_history" USING btree ("child_id","occurred_at");--> statement-breakpoint
CREATE INDEX "parents_and_carers_child_idx" ON "parents_and_carers" USING btree ("child_id","position");