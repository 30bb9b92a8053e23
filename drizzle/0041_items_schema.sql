ALTER TYPE "public"."sen_status" ADD VALUE 'not_known';--> statement-breakpoint
ALTER TYPE "public"."social_care_status" ADD VALUE 'not_known';--> statement-breakpoint
ALTER TABLE "education_arrangements" ALTER COLUMN "location" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "characteristics" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "education_arrangements" ADD COLUMN "provider_address" text;--> statement-breakpoint
ALTER TABLE "education_arrangements" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "education_arrangements" ADD COLUMN "hours_estimated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "education_arrangements" ADD COLUMN "source" "information_source";--> statement-breakpoint
ALTER TABLE "parents_and_carers" ADD COLUMN "hours_estimated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "parents_and_carers" ADD COLUMN "source" "information_source";