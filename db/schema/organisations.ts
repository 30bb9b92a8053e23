import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const organisationKind = pgEnum("organisation_kind", [
  "local_authority",
  "provider",
  "directory_team",
  "national_service",
  "school",
]);

/**
 * Every user belongs to one organisation. Local authorities carry DfE's 3-digit code (the one in
 * characters 2-4 of a UPN) and their ONS code; providers and national teams carry neither.
 */
export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: organisationKind("kind").notNull(),
    name: text("name").notNull(),
    laCode: text("la_code"),
    onsCode: text("ons_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisations_la_code_key").on(t.laCode),
    index("organisations_kind_name_idx").on(t.kind, t.name),
    check(
      "organisations_la_codes_only_for_las",
      sql`(${t.kind} = 'local_authority') = (${t.laCode} is not null)`,
    ),
    check("organisations_la_code_format", sql`${t.laCode} ~ '^[0-9]{3}$'`),
  ],
);
