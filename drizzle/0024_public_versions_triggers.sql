-- The public directory's version moves on with every statement that changes what it is made from
-- (listings, their sites, organisations' names), in the same transaction, so an ETag made from it
-- changes exactly when the directory's content may have (decision 028). A counter row rather than a
-- sequence: a sequence's new value is visible before the change commits, and a page read in between
-- would be labelled with a version it does not show.
INSERT INTO "public_versions" ("name") VALUES ('directory') ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION public_directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public_versions SET version = version + 1, changed_at = now() WHERE name = 'directory';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER listings_directory_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "listings"
  FOR EACH STATEMENT EXECUTE FUNCTION public_directory_changed();
--> statement-breakpoint
CREATE TRIGGER listing_sites_directory_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "listing_sites"
  FOR EACH STATEMENT EXECUTE FUNCTION public_directory_changed();
--> statement-breakpoint
CREATE TRIGGER organisations_directory_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisations"
  FOR EACH STATEMENT EXECUTE FUNCTION public_directory_changed();
