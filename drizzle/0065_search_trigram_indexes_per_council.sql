DROP INDEX "children_address_trgm_idx";--> statement-breakpoint
DROP INDEX "parents_and_carers_name_trgm_idx";--> statement-breakpoint
CREATE INDEX "children_la_address_trgm_idx" ON "children" USING gin ("la_id",lower("address_line_1" || ' ' || coalesce("address_line_2", '') || ' ' || "town") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "parents_and_carers_la_name_trgm_idx" ON "parents_and_carers" USING gin ("la_id",lower("name") gin_trgm_ops);