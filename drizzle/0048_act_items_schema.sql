ALTER TYPE "public"."sen_status" ADD VALUE 'not_known';--> statement-breakpoint
ALTER TYPE "public"."social_care_status" ADD VALUE 'not_known';--> statement-breakpoint
CREATE TABLE "provider_information_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"la_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"arrangement_position" smallint,
	"provider_name" text NOT NULL,
	"provider_email" text NOT NULL,
	"token_hash" text NOT NULL,
	"requested_by" uuid,
	"requested_on" date NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answer" jsonb,
	CONSTRAINT "provider_information_requests_answer_when_answered" CHECK (("provider_information_requests"."answered_at" is null) = ("provider_information_requests"."answer" is null))
);
--> statement-breakpoint
ALTER TABLE "education_arrangements" ALTER COLUMN "location" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "characteristics" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "education_arrangements" ADD COLUMN "provider_address" text;--> statement-breakpoint
ALTER TABLE "education_arrangements" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "education_arrangements" ADD COLUMN "hours_estimated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "education_arrangements" ADD COLUMN "source" "information_source";--> statement-breakpoint
ALTER TABLE "parents_and_carers" ADD COLUMN "hours_estimated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "parents_and_carers" ADD COLUMN "source" "information_source";--> statement-breakpoint
ALTER TABLE "provider_information_requests" ADD CONSTRAINT "provider_information_requests_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_information_requests" ADD CONSTRAINT "provider_information_requests_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_information_requests" ADD CONSTRAINT "provider_information_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "provider_information_requests_token_key" ON "provider_information_requests" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "provider_information_requests_la_provider_idx" ON "provider_information_requests" USING btree ("la_id","provider_email","requested_on");--> statement-breakpoint
CREATE INDEX "provider_information_requests_child_idx" ON "provider_information_requests" USING btree ("child_id","requested_at");