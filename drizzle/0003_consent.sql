CREATE TYPE "public"."consent_status" AS ENUM('pending', 'agreed', 'refused');--> statement-breakpoint
CREATE TYPE "public"."home_education_notice" AS ENUM('parent_notice', 'school_withdrawal_notice');--> statement-breakpoint
CREATE TABLE "consent_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"status" "consent_status" DEFAULT 'pending' NOT NULL,
	"notice" "home_education_notice" NOT NULL,
	"notice_date" date NOT NULL,
	"evidence" text NOT NULL,
	"rules" jsonb NOT NULL,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_social_worker_id" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"statement" text,
	"conditions" text,
	"review_date" date,
	"refusal_reasons" text,
	CONSTRAINT "consent_requests_decision_complete" CHECK (("consent_requests"."status" = 'pending' and "consent_requests"."decided_at" is null)
        or ("consent_requests"."status" = 'agreed' and "consent_requests"."decided_at" is not null and "consent_requests"."statement" is not null)
        or ("consent_requests"."status" = 'refused' and "consent_requests"."decided_at" is not null and "consent_requests"."refusal_reasons" is not null))
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_user_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "la_settings" (
	"la_id" uuid PRIMARY KEY NOT NULL,
	"statutory_rule_enabled" boolean DEFAULT true NOT NULL,
	"exceptional_circumstances_rule_enabled" boolean DEFAULT true NOT NULL,
	"consent_overdue_working_days" integer DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "attendance_order_route_since" date;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD CONSTRAINT "consent_requests_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD CONSTRAINT "consent_requests_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD CONSTRAINT "consent_requests_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD CONSTRAINT "consent_requests_assigned_social_worker_id_users_id_fk" FOREIGN KEY ("assigned_social_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_requests" ADD CONSTRAINT "consent_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_to_user_id_users_id_fk" FOREIGN KEY ("to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "la_settings" ADD CONSTRAINT "la_settings_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_requests_assigned_idx" ON "consent_requests" USING btree ("assigned_social_worker_id","status","raised_at");--> statement-breakpoint
CREATE INDEX "consent_requests_la_idx" ON "consent_requests" USING btree ("la_id","status","raised_at");--> statement-breakpoint
CREATE INDEX "consent_requests_child_idx" ON "consent_requests" USING btree ("child_id","raised_at");--> statement-breakpoint
CREATE INDEX "email_outbox_unsent_idx" ON "email_outbox" USING btree ("created_at") WHERE "email_outbox"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "inbox_messages_user_idx" ON "inbox_messages" USING btree ("user_id","created_at");