import { and, count, eq, sql } from "drizzle-orm";
import { hashPassword } from "../app/utils/password.server";
import type { Role } from "../app/domain/roles";
import type { Database } from "./client";
import { seedDemoRegister } from "./demo-register";
import { seedDemoListings, type DemoListing } from "./demo-directory";
import { seedDemoPlacements, seedDemoSchoolPlacement } from "./demo-placements";
import { seedDemoSchools } from "./demo-schools";
import { currentLocalAuthorities } from "./reference/local-authorities";
import { organisations, permissionGrants, schools, totpCredentials, users } from "./schema/index";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";

export const NATIONAL_DIRECTORY_TEAM = "National alternative provision directory team";
export const NATIONAL_SERVICE = "Children not in school national service";

/** Reference data every environment needs: the 153 English LAs and the two national teams. */
export async function seedReferenceData(db: Database): Promise<void> {
  const las = currentLocalAuthorities();
  await db
    .insert(organisations)
    .values(las.map((la) => ({ kind: "local_authority" as const, name: la.name, laCode: la.laCode, onsCode: la.onsCode })))
    .onConflictDoUpdate({
      target: organisations.laCode,
      set: { name: sql`excluded.name`, onsCode: sql`excluded.ons_code` },
    });
  for (const [kind, name] of [
    ["directory_team", NATIONAL_DIRECTORY_TEAM],
    ["national_service", NATIONAL_SERVICE],
  ] as const) {
    const [existing] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.kind, kind), eq(organisations.name, name)));
    if (!existing) await db.insert(organisations).values({ kind, name });
  }
}

export const DEMO_PASSWORD = "demonstration-only";
export const DEMO_PROVIDER = "Bright Futures Learning CIC";

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  organisation: { laCode: string } | { name: string } | { urn: string };
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "officer@camden.example", name: "Olu Adeyemi", role: "council_officer", organisation: { laCode: "202" } },
  { email: "social.worker@camden.example", name: "Sam Patel", role: "social_worker", organisation: { laCode: "202" } },
  { email: "admin@camden.example", name: "Alex Morgan", role: "council_admin", organisation: { laCode: "202" } },
  // Head of Camden's SEN team: a council officer the admin has made the home-education consent decision-maker.
  { email: "decisions@camden.example", name: "Dee Chowdhury", role: "council_officer", organisation: { laCode: "202" } },
  { email: "reviewer@camden.example", name: "Rita Byrne", role: "directory_reviewer", organisation: { laCode: "202" } },
  // Camden's virtual school head: follows the children Camden looks after, on any council's register (issue 26).
  { email: "virtual.school@camden.example", name: "Vivienne Achebe", role: "virtual_school_head", organisation: { laCode: "202" } },
  { email: "officer@leeds.example", name: "Lee Walsh", role: "council_officer", organisation: { laCode: "383" } },
  { email: "social.worker@leeds.example", name: "Jo Lindqvist", role: "social_worker", organisation: { laCode: "383" } },
  { email: "provider@brightfutures.example", name: "Priya Shah", role: "provider", organisation: { name: DEMO_PROVIDER } },
  { email: "reviewer@directory.example", name: "Dana Okafor", role: "directory_reviewer", organisation: { name: NATIONAL_DIRECTORY_TEAM } },
  { email: "service.admin@service.example", name: "Chris Evans", role: "service_admin", organisation: { name: NATIONAL_SERVICE } },
  { email: "provider@northstar.example", name: "Nia Grant", role: "provider", organisation: { name: "North Star Tutoring Ltd" } },
  { email: "provider@camdenyouth.example", name: "Tom Hale", role: "provider", organisation: { name: "Camden Youth Outreach CIC" } },
  { email: "provider@pennine.example", name: "Ruth Ibbotson", role: "provider", organisation: { name: "Pennine Outdoor Learning Ltd" } },
  // Schools from the demo extract (db/reference/demo-gias-schools.csv), found by URN.
  { email: "head@gospeloakfields.school.example", name: "Grace Obi", role: "school_admin", organisation: { urn: "990101" } },
  { email: "office@bronte-moor.school.example", name: "Harriet Sykes", role: "school_staff", organisation: { urn: "990202" } },
];

/** Providers in the directory: one listed (with two Camden sites), and one in each of a few other states. */
export const DEMO_LISTINGS: readonly DemoListing[] = [
  {
    organisation: DEMO_PROVIDER,
    userEmail: "provider@brightfutures.example",
    target: "approved",
    answers: {
      legalName: DEMO_PROVIDER,
      organisationType: "community_interest_company",
      companyNumber: "09876543",
      sites: [
        { name: "Kentish Town Centre", addressLine1: "21 Leighton Road", town: "London", postcode: "NW5 2QE", laCode: "202", capacity: 12 },
        { name: "Somers Town Workshop", addressLine1: "4 Chalton Street", town: "London", postcode: "NW1 1JD", laCode: "202", capacity: 8 },
      ],
      provisionTypes: ["academic", "vocational", "mentoring"],
      ageMin: 11,
      ageMax: 16,
      pattern: "part_time",
      lead: "Priya Shah",
      contactEmail: "hello@brightfutures.example",
      contactPhone: "020 7946 0123",
      contactWebsite: "https://www.brightfutures.example",
    },
  },
  {
    organisation: "North Star Tutoring Ltd",
    userEmail: "provider@northstar.example",
    target: "draft",
    sections: ["organisation", "sites"],
    answers: {
      legalName: "North Star Tutoring Ltd",
      companyNumber: "11223344",
      sites: [{ name: "North Star Leeds", addressLine1: "10 Call Lane", town: "Leeds", postcode: "LS1 6DN", laCode: "383", capacity: 6 }],
      provisionTypes: ["academic", "online_tuition"],
      ageMin: 8,
      ageMax: 16,
      pattern: "part_time",
      lead: "Nia Grant",
    },
  },
  {
    organisation: "Camden Youth Outreach CIC",
    userEmail: "provider@camdenyouth.example",
    target: "submitted",
    answers: {
      legalName: "Camden Youth Outreach CIC",
      organisationType: "community_interest_company",
      companyNumber: "12345678",
      sites: [{ name: "Queen's Crescent Hub", addressLine1: "90 Queen's Crescent", town: "London", postcode: "NW5 4EB", laCode: "202", capacity: 10 }],
      provisionTypes: ["sport_and_outdoor", "therapeutic", "mentoring"],
      ageMin: 12,
      ageMax: 17,
      pattern: "part_time",
      lead: "Tom Hale",
      contactEmail: "info@camdenyouth.example",
    },
  },
  {
    organisation: "Pennine Outdoor Learning Ltd",
    userEmail: "provider@pennine.example",
    // Approved here, then suspended by seedDemoPlacements once a Leeds child is placed there.
    target: "approved",
    answers: {
      legalName: "Pennine Outdoor Learning Ltd",
      companyNumber: "07654321",
      sites: [{ name: "Roundhay Park Base", addressLine1: "Princes Avenue", town: "Leeds", postcode: "LS8 2ER", laCode: "383", capacity: 15 }],
      provisionTypes: ["sport_and_outdoor", "vocational"],
      ageMin: 11,
      ageMax: 16,
      pattern: "full_and_part_time",
      lead: "Ruth Ibbotson",
      contactPhone: "0113 496 0456",
    },
  },
];

/**
 * A council officer with an authenticator app already set up, so a newcomer can try the
 * second-factor step: add DEMO_TOTP_SECRET to any authenticator app (the README lists it). Not one
 * of DEMO_USERS, which sign in with the password alone outside production.
 */
export const DEMO_TOTP_USER = { email: "two.factor@camden.example", name: "Tola Bakare", role: "council_officer", organisation: { laCode: "202" } } as const;
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** Demo organisations and one user per role, only into a database that has no users yet. */
export async function seedDemoData(db: Database): Promise<boolean> {
  const [row] = await db.select({ users: count() }).from(users);
  if ((row?.users ?? 0) > 0) return false;
  await db.insert(organisations).values(DEMO_LISTINGS.map((l) => ({ kind: "provider" as const, name: l.organisation })));
  await seedDemoSchools(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_USERS) {
    const where =
      "laCode" in demo.organisation
        ? eq(organisations.laCode, demo.organisation.laCode)
        : "urn" in demo.organisation
          ? eq(schools.urn, demo.organisation.urn)
          : eq(organisations.name, demo.organisation.name);
    const [organisation] = await db.select({ id: organisations.id }).from(organisations).leftJoin(schools, eq(schools.organisationId, organisations.id)).where(where);
    if (!organisation) throw new Error(`Demo organisation missing for ${demo.email}`);
    await db.insert(users).values({
      email: demo.email,
      name: demo.name,
      role: demo.role,
      organisationId: organisation.id,
      passwordHash,
    });
  }
  // The council's designated decision-maker for the statutory consent (s434A), a grant, not a role.
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@camden.example"));
  const [maker] = await db.select({ id: users.id }).from(users).where(eq(users.email, "decisions@camden.example"));
  await db.insert(permissionGrants).values({ userId: maker!.id, permission: "decide:consent-statutory:own-la", grantedBy: admin!.id });
  const [camden] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.laCode, DEMO_TOTP_USER.organisation.laCode));
  const [totpUser] = await db
    .insert(users)
    .values({ email: DEMO_TOTP_USER.email, name: DEMO_TOTP_USER.name, role: DEMO_TOTP_USER.role, organisationId: camden!.id, passwordHash })
    .returning({ id: users.id });
  await db.insert(totpCredentials).values({ userId: totpUser!.id, key: decodeBase32IgnorePadding(DEMO_TOTP_SECRET), confirmedAt: new Date() });
  await seedDemoRegister(db);
  await seedDemoListings(db, DEMO_LISTINGS, "reviewer@directory.example");
  await seedDemoPlacements(db, "Pennine Outdoor Learning Ltd", "reviewer@directory.example");
  await seedDemoSchoolPlacement(db);
  return true;
}
