import { addDays, londonDate } from "#app/domain/dates";
import { SECTION_IDS, type SectionId } from "#app/forms/application";
import { saveSection } from "#app/data/application.server";
import { providerScope } from "#app/data/directory-scope.server";
import { auditorFor } from "#app/utils/audit.server";
import type { SessionUser } from "#app/utils/session.server";
import { createOrganisation, createUser, type TestUser } from "./fixtures";

const parts = (iso: string) => {
  const [year, month, day] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};

/** A complete application, section by section, as the forms post it. */
export function completeAnswers(options: { laCode?: string; postcode?: string; fullTime?: number; lookedAfterOrSen?: number; today?: string } = {}): Record<SectionId, Record<string, unknown>> {
  const today = options.today ?? londonDate(new Date());
  const past = parts(addDays(today, -30));
  const future = parts(addDays(today, 300));
  return {
    organisation: { legalName: "Riverside Learning Ltd", tradingName: "", organisationType: "company", companyNumber: "01234567", charityNumber: "", hasOfstedUrn: "no", ofstedUrn: "" },
    sites: { sites: [{ name: "Riverside Centre", addressLine1: "1 Royal College Street", addressLine2: "", town: "London", postcode: options.postcode ?? "NW1 0TH", laCode: options.laCode ?? "202", capacity: "12" }] },
    provision: { provisionTypes: ["academic", "vocational"], ageMin: "11", ageMax: "16", pattern: "part_time" },
    "full-time-pupils": { compulsorySchoolAge: String(options.fullTime ?? 0), lookedAfterOrSen: String(options.lookedAfterOrSen ?? 0) },
    safeguarding: {
      safeguardingLeadName: "Jan Okoro",
      safeguardingLeadTrainedOn: past,
      singleCentralRecord: ["confirmed"],
      singleCentralRecordCheckedOn: past,
      childProtectionPolicyReviewedOn: past,
      behaviourPolicyReviewedOn: past,
      staffConductPolicyReviewedOn: past,
      confirmationToCommissioners: ["confirmed"],
    },
    "health-and-safety": { siteRiskAssessedOn: past, activityRiskAssessedOn: past, individualRiskAssessments: ["confirmed"], firstAiders: "Jan Okoro, Sam Reid", fireDrillOn: past, incidentReporting: ["confirmed"] },
    admissions: { needsRecords: ["confirmed"], baselineAssessment: ["confirmed"], learningPlans: ["confirmed"], sessionAttendance: ["confirmed"], attendancePolicyReviewedOn: past },
    insurance: { employersLiabilityExpiresOn: future, publicLiabilityExpiresOn: future },
    declaration: { name: "Jan Okoro", jobTitle: "Director", declaration: ["confirmed"] },
  };
}

export function sessionUserOf(user: TestUser, organisationKind: SessionUser["organisationKind"], organisationName = "Test organisation"): SessionUser {
  return { id: user.id, email: user.email, name: "Test", role: user.role, organisationId: user.organisationId, organisationName, organisationKind };
}

export function actorFor(user: TestUser) {
  return { userId: user.id, role: user.role, audit: auditorFor({ userId: user.id, role: user.role, organisationId: user.organisationId }, null) };
}

/** A provider organisation and user with every section of the application saved as complete. */
export async function providerWithCompleteApplication(options: Parameters<typeof completeAnswers>[0] & { name?: string } = {}) {
  const organisation = await createOrganisation("provider", options.name);
  const user = await createUser("provider", { organisationId: organisation.id });
  const scope = providerScope(sessionUserOf(user, "provider", organisation.name));
  const answers = completeAnswers(options);
  for (const id of SECTION_IDS) {
    const result = await saveSection(scope, id, answers[id], true, actorFor(user));
    if (!result.ok) throw new Error(`Could not save ${id}: ${JSON.stringify(result)}`);
  }
  return { organisation, user, scope };
}
