import { eq } from "drizzle-orm";
import type { RegisterEntryInput } from "#app/forms/register-entry";
import type { Transaction } from "#db/client";
import { educationArrangements, parentsAndCarers } from "#db/schema/index";
import type { WriterScope } from "./scope.server";

// An entry's own columns and its parents' and providers' rows, from the entry's form: written by
// adding a child, saving the form, and accepting a transfer (all through the one entry writer).

export function childColumns(input: RegisterEntryInput) {
  return {
    firstName: input.firstName,
    middleNames: input.middleNames ?? null,
    lastName: input.lastName,
    dateOfBirth: input.dateOfBirth,
    sex: input.sex ?? null,
    addressLine1: input.addressLine1,
    addressLine2: input.addressLine2 ?? null,
    town: input.town,
    postcode: input.postcode,
    upn: input.upn ?? null,
    nhsNumber: input.nhsNumber ?? null,
    laChildId: input.laChildId ?? null,
    educationStatus: input.educationStatus,
    homeEducationReason: input.homeEducationReason ?? null,
    senStatus: input.senStatus,
    socialCareStatus: input.socialCareStatus,
    responsibleLaId: input.responsibleLaId ?? null,
    allocatedSocialWorkerId: input.allocatedSocialWorkerId ?? null,
    atRiskOfHarmFromHome: input.atRiskOfHarmFromHome,
    characteristics: input.characteristics,
    laArrangedSpecialSchoolPlace: input.laArrangedSpecialSchoolPlace,
    namedSchool: input.namedSchool ?? null,
    namedSchoolUrn: input.namedSchoolUrn ?? null,
    dateEntered: input.dateEntered,
    sources: input.sources,
  };
}

export async function replaceRows(tx: Transaction, scope: WriterScope, childId: string, input: RegisterEntryInput) {
  await tx.delete(parentsAndCarers).where(eq(parentsAndCarers.childId, childId));
  await tx.delete(educationArrangements).where(eq(educationArrangements.childId, childId));
  await insertRows(tx, scope, [{ childId, input }]);
}

/** New entries' parents and providers: one multi-row statement each for all of them (a batch of new entries). */
export async function insertRows(tx: Transaction, scope: WriterScope, entries: readonly { childId: string; input: RegisterEntryInput }[]) {
  const parents = entries.flatMap(({ childId, input }) =>
    input.parents.map((p, position) => ({
      childId,
      laId: scope.laId,
      position,
      name: p.name,
      relationship: p.relationship,
      hasParentalResponsibility: p.hasParentalResponsibility,
      livesWithChild: p.livesWithChild,
      addressLine1: p.livesWithChild ? null : (p.addressLine1 ?? null),
      addressLine2: p.livesWithChild ? null : (p.addressLine2 ?? null),
      town: p.livesWithChild ? null : (p.town ?? null),
      postcode: p.postcode ?? null,
      phone: p.phone ?? null,
      email: p.email ?? null,
      educatesChild: p.educatesChild,
      hoursPerWeek: p.hoursPerWeek ?? null,
      hoursEstimated: p.hoursEstimated,
      source: p.source,
    })),
  );
  const arrangements = entries.flatMap(({ childId, input }) =>
    input.arrangements.map((a, position) => ({
      childId,
      laId: scope.laId,
      position,
      providerName: a.providerName,
      providerType: a.providerType,
      providerAddress: a.providerAddress,
      online: a.online,
      location: a.location ?? null,
      website: a.website ?? null,
      hoursPerWeek: a.hoursPerWeek,
      hoursWithoutParent: a.hoursWithoutParent,
      hoursEstimated: a.hoursEstimated,
      source: a.source,
    })),
  );
  // Within the bound on a statement's parameters (65,535): parents have 17 columns.
  for (let at = 0; at < parents.length; at += 2000) await tx.insert(parentsAndCarers).values(parents.slice(at, at + 2000));
  for (let at = 0; at < arrangements.length; at += 2000) await tx.insert(educationArrangements).values(arrangements.slice(at, at + 2000));
}
