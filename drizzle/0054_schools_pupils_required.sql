ALTER TABLE "school_returns" ALTER COLUMN "first_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "school_returns" ALTER COLUMN "last_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "school_returns" ALTER COLUMN "date_of_birth" SET NOT NULL;