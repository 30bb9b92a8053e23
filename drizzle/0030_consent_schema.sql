CREATE TYPE "public"."consent_rule" AS ENUM('statutory', 'exceptional_circumstances');--> statement-breakpoint
CREATE TYPE "public"."consent_refusal_next_step" AS ENUM('stays_on_roll', 'school_attendance_order');--> statement-breakpoint
CREATE TABLE "permission_grants" (
	"user_id" uuid NOT NULL,
	"permission" text NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_requests" DROP CONSTRAINT "consent_requests_decision_complete";--> statement-breakpoint
ALTER TABLE "consent_requests" ALTER COLUMN "assigned_social_worker_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD COLUMN "rule" "consent_rule" DEFAULT 'statutory' NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD COLUMN "notice_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD COLUMN "reconsiders_id" uuid;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD COLUMN "decide_by" date DEFAULT current_date NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD COLUMN "social_worker_view" text;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD COLUMN "social_worker_view_by" uuid;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD COLUMN "social_worker_view_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD COLUMN "best_interests" text;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD COLUMN "views" jsonb;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD COLUMN "refusal_next_step" "consent_refusal_next_step";--> statement-breakpoint
ALTER TABLE "permission_grants" ADD CONSTRAINT "permission_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permission_grants" ADD CONSTRAINT "permission_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "permission_grants_user_permission_key" ON "permission_grants" USING btree ("user_id","permission");--> statement-breakpoint
CREATE INDEX "permission_grants_permission_idx" ON "permission_grants" USING btree ("permission","user_id");--> statement-breakpoint
ALTER TABLE "consent_requests" ADD CONSTRAINT "consent_requests_reconsiders_id_consent_requests_id_fk" FOREIGN KEY ("reconsiders_id") REFERENCES "public"."consent_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD CONSTRAINT "consent_requests_social_worker_view_by_users_id_fk" FOREIGN KEY ("social_worker_view_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_requests_notice_idx" ON "consent_requests" USING btree ("notice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consent_requests_one_reconsideration" ON "consent_requests" USING btree ("reconsiders_id");--> statement-breakpoint
ALTER TABLE "consent_requests" ADD CONSTRAINT "consent_requests_decision_complete" CHECK (("consent_requests"."status" = 'pending' and "consent_requests"."decided_at" is null)
        or ("consent_requests"."status" = 'agreed' and "consent_requests"."decided_at" is not null and ("consent_requests"."statement" is not null or "consent_requests"."best_interests" is not null))
        or ("consent_requests"."status" = 'refused' and "consent_requests"."decided_at" is not null and "consent_requests"."refusal_reasons" is not null));