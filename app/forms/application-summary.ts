import { formatDate } from "#app/domain/dates";
import { ORGANISATION_TYPE_LABELS, PATTERN_LABELS, PROVISION_TYPE_LABELS } from "#app/domain/directory-vocabulary";
import type { ParsedApplication, SectionId } from "./application";

// Each section's answers as a person reads them, for check-answers and the reviewer's view.

export interface AnswerRow {
  key: string;
  value: string;
}

const CONFIRMED = "Confirmed";

export function sectionRows<S extends SectionId>(section: S, answers: ParsedApplication[S], laNames: Map<string, string> = new Map()): AnswerRow[] {
  switch (section) {
    case "organisation": {
      const o = answers as ParsedApplication["organisation"];
      return [
        { key: "Legal name", value: o.legalName },
        { key: "Trading name", value: o.tradingName ?? "None" },
        { key: "Type of organisation", value: ORGANISATION_TYPE_LABELS[o.organisationType] },
        ...(o.companyNumber ? [{ key: "Companies House number", value: o.companyNumber }] : []),
        ...(o.charityNumber ? [{ key: "Charity number", value: o.charityNumber }] : []),
        { key: "Ofsted URN", value: o.ofstedUrn ?? "None" },
      ];
    }
    case "contact": {
      const c = answers as ParsedApplication["contact"];
      return [
        { key: "Email address", value: c.contactEmail ?? "None" },
        { key: "Phone number", value: c.contactPhone ?? "None" },
        { key: "Website", value: c.contactWebsite ?? "None" },
      ];
    }
    case "sites": {
      const s = answers as ParsedApplication["sites"];
      return s.sites.map((site, i) => ({
        key: `Site ${i + 1}`,
        value: `${site.name}: ${[site.addressLine1, site.addressLine2, site.town, site.postcode].filter(Boolean).join(", ")}. ${laNames.get(site.laCode) ?? `LA ${site.laCode}`}. Capacity ${site.capacity}`,
      }));
    }
    case "provision": {
      const p = answers as ParsedApplication["provision"];
      return [
        { key: "Types of provision", value: p.provisionTypes.map((t) => PROVISION_TYPE_LABELS[t]).join("; ") },
        { key: "Ages", value: `${p.ageMin} to ${p.ageMax}` },
        { key: "Pattern", value: PATTERN_LABELS[p.pattern] },
      ];
    }
    case "full-time-pupils": {
      const f = answers as ParsedApplication["full-time-pupils"];
      return [
        { key: "Children of compulsory school age educated full-time", value: String(f.compulsorySchoolAge) },
        { key: "Of them, looked after or with special educational needs", value: String(f.lookedAfterOrSen) },
      ];
    }
    case "safeguarding": {
      const s = answers as ParsedApplication["safeguarding"];
      return [
        { key: "Designated safeguarding lead", value: s.safeguardingLeadName },
        { key: "Safeguarding lead last trained", value: formatDate(s.safeguardingLeadTrainedOn) },
        { key: "Enhanced DBS checks on the single central record", value: CONFIRMED },
        { key: "Single central record last checked", value: formatDate(s.singleCentralRecordCheckedOn) },
        { key: "Child protection policy reviewed", value: formatDate(s.childProtectionPolicyReviewedOn) },
        { key: "Behaviour policy reviewed", value: formatDate(s.behaviourPolicyReviewedOn) },
        { key: "Staff code of conduct reviewed", value: formatDate(s.staffConductPolicyReviewedOn) },
        { key: "Written confirmation of checks to commissioners", value: CONFIRMED },
      ];
    }
    case "health-and-safety": {
      const h = answers as ParsedApplication["health-and-safety"];
      return [
        { key: "Site risk assessment", value: formatDate(h.siteRiskAssessedOn) },
        { key: "Activity risk assessment", value: formatDate(h.activityRiskAssessedOn) },
        { key: "Risk assessment for each child", value: CONFIRMED },
        { key: "First aiders", value: h.firstAiders },
        { key: "Last fire drill", value: formatDate(h.fireDrillOn) },
        { key: "Accidents and incidents recorded and reported", value: CONFIRMED },
      ];
    }
    case "admissions": {
      const a = answers as ParsedApplication["admissions"];
      return [
        { key: "Each child's needs recorded before they start", value: CONFIRMED },
        { key: "Baseline assessment", value: CONFIRMED },
        { key: "Individual learning plans", value: CONFIRMED },
        { key: "Attendance every session, absence followed up the same day", value: CONFIRMED },
        { key: "Attendance policy reviewed", value: formatDate(a.attendancePolicyReviewedOn) },
      ];
    }
    case "insurance": {
      const i = answers as ParsedApplication["insurance"];
      return [
        { key: "Employer's liability insurance expires", value: formatDate(i.employersLiabilityExpiresOn) },
        { key: "Public liability insurance expires", value: formatDate(i.publicLiabilityExpiresOn) },
      ];
    }
    case "declaration": {
      const d = answers as ParsedApplication["declaration"];
      return [{ key: "Declared by", value: `${d.name}, ${d.jobTitle}` }];
    }
  }
  return [];
}
