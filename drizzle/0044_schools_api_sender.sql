ALTER TABLE "school_returns" ALTER COLUMN "sent_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "school_returns" ADD COLUMN "sent_by_api_token_id" uuid;--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_sent_by_api_token_id_api_tokens_id_fk" FOREIGN KEY ("sent_by_api_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_returns" ADD CONSTRAINT "school_returns_one_sender" CHECK (("school_returns"."sent_by" is null) <> ("school_returns"."sent_by_api_token_id" is null));