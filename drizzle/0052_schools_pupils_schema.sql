ALTER TABLE "school_returns" DROP CONSTRAINT "school_returns_kind";--> statement-breakpoint
ALTER TABLE "school_returns" DROP CONSTRAINT "school_returns_one_route";--> statement-breakpoint
ALTER TABLE "school_returns" ALTER COLUMN "sent_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "returned_to_school_urn" text;--> statement-breakpoint
ALTER TABLE "la_settings" ADD COLUMN "new_pupil_return_wait_working_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "la_settings" ADD COLUMN "never_attending_sessions" integer DEFAULT 20 NOT NULL;--> statement-breakpoint
ALTER TABLE "school_returns" ADD COLUMN "first_name" text;--> statement-breakpoint
ALTER TABLE "school_returns" ADD COLUMN "last_name" text;--> statement-breakpoint
ALTER TABLE "school_returns" ADD COLUMN "date_of_birth" date;--> statement-breakpoint
ALTER TABLE "school_returns" ADD COLUMN "upn" text;--> statement-breakpoint
ALTER TABLE "school_returns" ADD COLUMN "joined_on" date;--> statement-breakpoint
ALTER TABLE "school_returns" ADD COLUMN "sessions_missed" integer;--> statement-breakpoint
ALTER TABLE "school_returns" ADD COLUMN "sent_by_api_token_id" uuid;--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_sent_by_api_token_id_api_tokens_id_fk" FOREIGN KEY ("sent_by_api_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_returns_pupil_idx" ON "school_returns" USING btree ("date_of_birth","kind");--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_one_sender" CHECK (("school_returns"."sent_by" is null) <> ("school_returns"."sent_by_api_token_id" is null));--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_deletion_routed" CHECK ("school_returns"."kind" <> 'deletion' or "school_returns"."queue_item_id" is not null or "school_returns"."consent_notice_id" is not null);--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_never_attending_queued" CHECK ("school_returns"."kind" <> 'never_attending' or ("school_returns"."queue_item_id" is not null and "school_returns"."sessions_missed" > 0));--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_new_pupil_joined" CHECK (("school_returns"."kind" = 'new_pupil') = ("school_returns"."joined_on" is not null));--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_kind" CHECK ("school_returns"."kind" in ('deletion', 'new_pupil', 'never_attending'));--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_one_route" CHECK ("school_returns"."queue_item_id" is null or "school_returns"."consent_notice_id" is null);