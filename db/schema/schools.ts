import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

/**
 * A school, as DfE's Get Information About Schools describes it (decision 060). Each school is an
 * organisation (kind `school`) so its staff are users like any other; this row holds what the
 * extract says about it, keyed by its URN. Schools are never deleted: a school that closes, or
 * leaves the extract, is kept with `open` false, because users, returns and placements name it.
 */
export const schools = pgTable(
  "schools",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id),
    urn: text("urn").notNull().unique(),
    /** The council whose area the school is in, from the extract's DfE LA code. */
    laId: uuid("la_id")
      .notNull()
      .references(() => organisations.id),
    laCode: text("la_code").notNull(),
    establishmentNumber: text("establishment_number"),
    name: text("name").notNull(),
    typeCode: text("type_code").notNull(),
    typeName: text("type_name").notNull(),
    typeGroupCode: text("type_group_code"),
    statusCode: text("status_code").notNull(),
    statusName: text("status_name").notNull(),
    phaseCode: text("phase_code").notNull(),
    phaseName: text("phase_name").notNull(),
    openDate: date("open_date", { mode: "string" }),
    closeDate: date("close_date", { mode: "string" }),
    street: text("street"),
    locality: text("locality"),
    address3: text("address3"),
    town: text("town"),
    county: text("county"),
    postcode: text("postcode"),
    /** Open, or open but proposed to close, in the latest extract: only these can be chosen. */
    open: boolean("open").notNull(),
    /** Set when a reload no longer had the school; cleared if it comes back. */
    missingFromExtractSince: timestamp("missing_from_extract_since", { withTimezone: true }),
    loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("schools_la_name_idx").on(t.laId, t.name),
    check("schools_urn_format", sql`${t.urn} ~ '^[0-9]{5,7}$'`),
    check("schools_la_code_format", sql`${t.laCode} ~ '^[0-9]{3}$'`),
    check("schools_missing_not_open", sql`${t.missingFromExtractSince} is null or not ${t.open}`),
  ],
);
