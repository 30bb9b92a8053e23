CREATE TABLE "school_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"la_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"must_not_delete" boolean NOT NULL,
	"queue_item_id" uuid,
	"consent_notice_id" uuid,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_returns_kind" CHECK ("school_returns"."kind" in ('deletion')),
	CONSTRAINT "school_returns_one_route" CHECK (("school_returns"."queue_item_id" is null) <> ("school_returns"."consent_notice_id" is null))
);
--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_school_id_organisations_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_queue_item_id_council_queue_items_id_fk" FOREIGN KEY ("queue_item_id") REFERENCES "public"."council_queue_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_returns_school_idx" ON "school_returns" USING btree ("school_id","sent_at");--> statement-breakpoint
CREATE INDEX "school_returns_queue_item_idx" ON "school_returns" USING btree ("queue_item_id");