CREATE TYPE "public"."suitability_stage" AS ENUM('enquiry', 'notice', 'intention', 'order', 'satisfied', 'complied', 'revoked', 'prosecution', 'supervision_order', 'closed');--> statement-breakpoint
CREATE TYPE "public"."suitability_action" AS ENUM('start_enquiry', 'serve_notice', 'serve_intention', 'serve_order', 'record_satisfied', 'record_complied', 'revoke_order', 'refer_prosecution', 'apply_supervision_order', 'close');--> statement-breakpoint
CREATE TABLE "suitability_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"action" "suitability_action" NOT NULL,
	"stage_after" "suitability_stage" NOT NULL,
	"step_on" date NOT NULL,
	"deadline" date,
	"school_urns" text[] DEFAULT '{}'::text[] NOT NULL,
	"reason" text,
	"decided_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "suitability_stage" "suitability_stage";--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "suitability_deadline" date;--> statement-breakpoint
ALTER TABLE "suitability_steps" ADD CONSTRAINT "suitability_steps_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suitability_steps" ADD CONSTRAINT "suitability_steps_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suitability_steps" ADD CONSTRAINT "suitability_steps_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suitability_steps_child_idx" ON "suitability_steps" USING btree ("child_id","step_on");--> statement-breakpoint
CREATE INDEX "children_la_suitability_deadline_idx" ON "children" USING btree ("la_id","suitability_deadline") WHERE "children"."date_left" is null and "children"."suitability_deadline" is not null;