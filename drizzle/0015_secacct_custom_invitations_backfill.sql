-- Invitations made before decision 016 made a placeholder user at once and pointed at it; copy
-- who was invited, as what and where, onto the invitation itself, as new invitations carry it.
UPDATE "invitations" AS i
SET "email" = lower(u."email"), "name" = u."name", "role" = u."role", "organisation_id" = u."organisation_id"
FROM "users" AS u
WHERE u."id" = i."user_id" AND i."email" IS NULL;
