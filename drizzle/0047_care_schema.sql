ALTER TYPE "public"."role" ADD VALUE 'virtual_school_head';--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "responsible_la_id" uuid;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "named_school_urn" text;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_responsible_la_id_organisations_id_fk" FOREIGN KEY ("responsible_la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_named_school_urn_schools_urn_fk" FOREIGN KEY ("named_school_urn") REFERENCES "public"."schools"("urn") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "children_responsible_la_idx" ON "children" USING btree (coalesce("responsible_la_id", "la_id"),"status_since") WHERE "children"."date_left" is null and "children"."social_care_status" in ('looked_after', 'child_in_need_plan', 'child_protection_plan');