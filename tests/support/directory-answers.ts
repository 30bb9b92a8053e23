import { addDays, londonDate } from "#app/domain/dates";
import type { SectionId } from "#app/forms/application";

// A complete application as the forms post it, with no database: for unit and database tests alike.

const parts = (iso: string) => {
  const [year, month, day] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};

/** A complete application, section by section, as the forms post it. */
export function completeAnswers(options: { laCode?: string; postcode?: string; fullTime?: number; lookedAfterOrSen?: number; today?: string; capacity?: number; pattern?: string } = {}): Record<SectionId, Record<string, unknown>> {
  const today = options.today ?? londonDate(new Date());
  const past = parts(addDays(today, -30));
  const future = parts(addDays(today, 500));
  return {
    organisation: { legalName: "Riverside Learning Ltd", tradingName: "", organisationType: "company", companyNumber: "01234567", charityNumber: "", hasOfstedUrn: "no", ofstedUrn: "" },
    contact: { contactEmail: "hello@riverside.example", contactPhone: "020 7946 0000", contactWebsite: "" },
    sites: { sites: [{ name: "Riverside Centre", addressLine1: "1 Royal College Street", addressLine2: "", town: "London", postcode: options.postcode ?? "NW1 0TH", laCode: options.laCode ?? "202", capacity: String(options.capacity ?? 12) }] },
    provision: { provisionTypes: ["academic", "vocational"], ageMin: "11", ageMax: "16", pattern: options.pattern ?? "part_time" },
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

