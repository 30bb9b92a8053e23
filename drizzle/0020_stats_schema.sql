CREATE TABLE "statistics_council_figures" (
	"snapshot_id" bigint NOT NULL,
	"la_id" uuid NOT NULL,
	"figures" jsonb NOT NULL,
	"published" jsonb NOT NULL,
	CONSTRAINT "statistics_council_figures_snapshot_id_la_id_pk" PRIMARY KEY("snapshot_id","la_id")
);
--> statement-breakpoint
CREATE TABLE "statistics_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"today" date NOT NULL,
	"census_days" jsonb NOT NULL,
	"published" jsonb NOT NULL,
	"csv" text NOT NULL,
	"meta_csv" text NOT NULL,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "statistics_council_figures" ADD CONSTRAINT "statistics_council_figures_snapshot_id_statistics_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."statistics_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_council_figures" ADD CONSTRAINT "statistics_council_figures_la_id_organisations_id_fk" FOREIGN KEY ("la_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statistics_snapshots_computed_idx" ON "statistics_snapshots" USING btree ("computed_at");