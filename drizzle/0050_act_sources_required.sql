ALTER TABLE "education_arrangements" ALTER COLUMN "source" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "parents_and_carers" ALTER COLUMN "source" SET NOT NULL;