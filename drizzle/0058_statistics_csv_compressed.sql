ALTER TABLE "statistics_snapshots" ADD COLUMN "csv_brotli" "bytea";--> statement-breakpoint
ALTER TABLE "statistics_snapshots" ADD COLUMN "csv_gzip" "bytea";