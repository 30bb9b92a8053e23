CREATE TYPE "public"."document_kind" AS ENUM('parent_notice', 'letter', 'report', 'policy', 'insurance_certificate', 'dbs_evidence', 'other');--> statement-breakpoint
CREATE TYPE "public"."document_type" AS ENUM('pdf', 'png', 'jpg', 'docx', 'odt');--> statement-breakpoint
CREATE TABLE "document_contents" (
	"document_id" uuid NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "document_contents_document_id_pk" PRIMARY KEY("document_id")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid,
	"la_id" uuid,
	"listing_id" uuid,
	"kind" "document_kind" NOT NULL,
	"description" text NOT NULL,
	"file_name" text NOT NULL,
	"type" "document_type" NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"content_removed_at" timestamp with time zone,
	CONSTRAINT "documents_one_owner" CHECK (("documents"."child_id" is not null and "documents"."la_id" is not null and "documents"."listing_id" is null) or ("documents"."child_id" is null and "documents"."la_id" is null and "documents"."listing_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "document_contents" ADD CONSTRAINT "document_contents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_child_idx" ON "documents" USING btree ("child_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "documents_listing_idx" ON "documents" USING btree ("listing_id","uploaded_at");