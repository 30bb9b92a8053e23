CREATE TYPE "public"."document_storage" AS ENUM('postgresql', 's3');--> statement-breakpoint
CREATE TABLE "document_object_deletions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bucket" text NOT NULL,
	"object_key" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "storage" "document_storage" DEFAULT 'postgresql' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "object_bucket" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "object_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "document_object_deletions_object_idx" ON "document_object_deletions" USING btree ("bucket","object_key");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_storage_where" CHECK (("documents"."storage" = 'postgresql' and "documents"."object_bucket" is null and "documents"."object_key" is null) or ("documents"."storage" = 's3' and "documents"."object_bucket" is not null and "documents"."object_key" is not null));