import { eq } from "drizzle-orm";
import { createEntry } from "../app/data/entry-edit.server";
import { laScope } from "../app/data/scope.server";
import { addDays, londonDate } from "../app/domain/dates";
import { makeUpn } from "../app/domain/upn";
import type { RegisterEntryInput } from "../app/forms/register-entry";
import { auditorFor } from "../app/utils/audit.server";
import type { Database } from "./client";
import { laSettings, organisations, users } from "./schema/index";

// A few children for the demo LAs, entered through the data layer (so they have references,
// history and audit events like any other entry).

const sources = { name: "parent", dateOfBirth: "la_records", address: "la_records", senStatus: "la_records", socialCareStatus: "la_records" } as const;

function child(overrides: Partial<RegisterEntryInput> & Pick<RegisterEntryInput, "firstName" | "lastName" | "dateOfBirth">): RegisterEntryInput {
  return {
    addressLine1: "1 Demo Street",
    town: "London",
    postcode: "NW1 7AA",
    educationStatus: "not_on_roll",
    senStatus: "none",
    socialCareStatus: "none",
    atRiskOfHarmFromHome: false,
    laArrangedSpecialSchoolPlace: false,
    dateEntered: addDays(londonDate(new Date()), -30),
    sources,
    characteristics: {},
    parents: [
      { name: "Demo Parent", relationship: "mother", hasParentalResponsibility: true, livesWithChild: true, educatesChild: false, postcode: undefined, hoursPerWeek: undefined, hoursEstimated: false, source: "parent" },
    ],
    arrangements: [],
    ...overrides,
  };
}

async function userByEmail(db: Database, email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, organisationId: users.organisationId, organisationName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.email, email));
  if (!row) throw new Error(`Demo user ${email} missing`);
  return { ...row, organisationKind: "local_authority" as const };
}

export async function seedDemoRegister(db: Database): Promise<void> {
  const camdenOfficer = await userByEmail(db, "officer@camden.example");
  const camdenWorker = await userByEmail(db, "social.worker@camden.example");
  const leedsOfficer = await userByEmail(db, "officer@leeds.example");
  const as = (user: typeof camdenOfficer) => ({
    scope: laScope(user),
    actor: { userId: user.id, audit: auditorFor({ userId: user.id, role: user.role, organisationId: user.organisationId }, "demo-seed") },
  });
  const camden = as(camdenOfficer);
  const leeds = as(leedsOfficer);
  const entries: [typeof camden, RegisterEntryInput][] = [
    [
      camden,
      child({
        firstName: "Jaden",
        lastName: "Rivers",
        dateOfBirth: "2013-05-14",
        upn: makeUpn("202", "4001", "19", "101"),
        educationStatus: "on_roll_full_absence",
        socialCareStatus: "child_protection_plan",
        allocatedSocialWorkerId: camdenWorker.id,
        atRiskOfHarmFromHome: true,
      }),
    ],
    [
      camden,
      child({
        firstName: "Amelia",
        lastName: "Clarke",
        dateOfBirth: "2015-09-02",
        nhsNumber: "9434765919",
        educationStatus: "elective_home_education",
        homeEducationReason: "philosophical_or_preferential",
        parents: [
          { name: "Hannah Clarke", relationship: "mother", hasParentalResponsibility: true, livesWithChild: true, educatesChild: true, hoursPerWeek: 15, hoursEstimated: true, postcode: undefined, source: "parent" },
        ],
        characteristics: { disability: "no", religionOrBelief: "Quaker" },
        sources: { ...sources, disability: "parent", religionOrBelief: "parent" },
        arrangements: [
          {
            providerName: "Primrose Hill Tutors",
            providerType: "tutor",
            providerAddress: "14 Regent's Park Road, London NW1 7TX",
            online: false,
            location: "At home",
            hoursPerWeek: 6,
            hoursWithoutParent: 6,
            hoursEstimated: false,
            source: "provider",
          },
        ],
      }),
    ],
    // Condition A of s434A with no social worker: the council's decision-maker decides.
    [
      camden,
      child({
        firstName: "Ibrahim",
        lastName: "Okafor",
        dateOfBirth: "2014-03-11",
        upn: makeUpn("202", "4001", "19", "102"),
        educationStatus: "on_roll_full_absence",
        senStatus: "ehc_plan",
        laArrangedSpecialSchoolPlace: true,
      }),
    ],
    [camden, child({ firstName: "Noah", lastName: "Bennett", dateOfBirth: "2012-01-20", postcode: "NW5 2HX", educationStatus: "not_on_roll" })],
    [
      leeds,
      child({ firstName: "Amelia", lastName: "Clarke", dateOfBirth: "2015-09-02", nhsNumber: "9434765919", town: "Leeds", postcode: "LS6 1AN", educationStatus: "not_on_roll" }),
    ],
    // Looked after by Camden, living with foster carers in Leeds, so on Leeds' register: Camden's
    // virtual school head follows her and Camden's social worker is allocated (issue 26).
    [
      leeds,
      child({
        firstName: "Kezia",
        lastName: "Mensah",
        dateOfBirth: "2012-07-19",
        upn: makeUpn("383", "4001", "19", "103"),
        addressLine1: "27 Harehills Lane",
        town: "Leeds",
        postcode: "LS8 4HA",
        educationStatus: "not_on_roll",
        socialCareStatus: "looked_after",
        responsibleLaId: camdenOfficer.organisationId,
        allocatedSocialWorkerId: camdenWorker.id,
        atRiskOfHarmFromHome: false,
        parents: [{ name: "Marion and Desmond Hale", relationship: "foster_carer", hasParentalResponsibility: false, livesWithChild: true, educatesChild: false, postcode: undefined, hoursPerWeek: undefined, hoursEstimated: false, source: "la_records" }],
      }),
    ],
  ];
  // Amelia Clarke is on both registers with one NHS number, so Leeds' entry takes Camden's
  // reference: one reference per child (decision 032).
  for (const [{ scope, actor }, input] of entries) {
    const result = await createEntry(scope, input, actor);
    if (!result.ok) throw new Error(`Demo child not created: ${result.kind}`);
  }
  // Each team's contact, shown to the other council ("also registered by", transfers).
  for (const [{ scope }, contact] of [
    [camden, { teamEmail: "children.not.in.school@camden.example", teamPhone: "020 7974 4000" }],
    [leeds, { teamEmail: "children.not.in.school@leeds.example", teamPhone: "0113 222 4000" }],
  ] as const) {
    await db.insert(laSettings).values({ laId: scope.laId, ...contact }).onConflictDoUpdate({ target: laSettings.laId, set: contact });
  }
}
