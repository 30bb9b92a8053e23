-- Custom SQL migration file, put your code below! --
-- Each parent and each other provider takes the source its group had (s436C: the source of every
-- item, decision 074); the groups leave the entry's own sources. An online provider's "location"
-- was its website: it moves to the website, and the place of education is left unknown.
UPDATE "parents_and_carers" p SET "source" = coalesce((c."sources"->>'parents')::"information_source", 'la_records')
  FROM "children" c WHERE c."id" = p."child_id" AND p."source" IS NULL;--> statement-breakpoint
UPDATE "education_arrangements" a SET "source" = coalesce((c."sources"->>'education')::"information_source", 'la_records')
  FROM "children" c WHERE c."id" = a."child_id" AND a."source" IS NULL;--> statement-breakpoint
UPDATE "education_arrangements" SET "website" = "location", "location" = NULL WHERE "online" AND "website" IS NULL;--> statement-breakpoint
UPDATE "children" SET "sources" = "sources" - 'parents' - 'education' WHERE "sources" ?| array['parents', 'education'];
