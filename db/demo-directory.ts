import { eq } from "drizzle-orm";
import { saveSection, submitApplication } from "../app/data/application.server";
import { providerScope, reviewerScope } from "../app/data/directory-scope.server";
import { decide } from "../app/data/review.server";
import { addDays, addMonths, londonDate } from "../app/domain/dates";
import { SECTION_IDS, type SectionId } from "../app/forms/application";
import { auditorFor } from "../app/utils/audit.server";
import type { SessionUser } from "../app/utils/session.server";
import type { Database } from "./client";
import { listings, organisations, users } from "./schema/index";

// Demo listings for the directory, made through the real data layer (and so through the listing
// lifecycle's state machine, with history and audit), so `npm start` shows a public directory
// entry, a review queue and each filter with something in it.

export interface DemoSite {
  name: string;
  addressLine1: string;
  town: string;
  postcode: string;
  laCode: string;
  capacity: number;
}

const parts = (iso: string) => {
  const [year, month, day] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
};

/** A complete application, section by section, as its forms post it. */
export function applicationAnswers(options: {
  legalName: string;
  organisationType?: "company" | "community_interest_company" | "charity";
  companyNumber?: string;
  charityNumber?: string;
  sites: DemoSite[];
  provisionTypes: string[];
  ageMin: number;
  ageMax: number;
  pattern: "full_time" | "part_time" | "full_and_part_time";
  fullTime?: number;
  lookedAfterOrSen?: number;
  lead: string;
  contactEmail?: string;
  contactPhone?: string;
  contactWebsite?: string;
  today: string;
}): Record<SectionId, Record<string, unknown>> {
  const past = parts(addDays(options.today, -30));
  const future = parts(addDays(options.today, 400));
  return {
    organisation: {
      legalName: options.legalName,
      tradingName: "",
      organisationType: options.organisationType ?? "company",
      companyNumber: options.companyNumber ?? "",
      charityNumber: options.charityNumber ?? "",
      hasOfstedUrn: "no",
      ofstedUrn: "",
    },
    contact: { contactEmail: options.contactEmail ?? "", contactPhone: options.contactPhone ?? "", contactWebsite: options.contactWebsite ?? "" },
    sites: { sites: options.sites.map((s) => ({ ...s, addressLine2: "", capacity: String(s.capacity) })) },
    provision: { provisionTypes: options.provisionTypes, ageMin: String(options.ageMin), ageMax: String(options.ageMax), pattern: options.pattern },
    "full-time-pupils": { compulsorySchoolAge: String(options.fullTime ?? 0), lookedAfterOrSen: String(options.lookedAfterOrSen ?? 0) },
    safeguarding: {
      safeguardingLeadName: options.lead,
      safeguardingLeadTrainedOn: past,
      singleCentralRecord: ["confirmed"],
      singleCentralRecordCheckedOn: past,
      childProtectionPolicyReviewedOn: past,
      behaviourPolicyReviewedOn: past,
      staffConductPolicyReviewedOn: past,
      confirmationToCommissioners: ["confirmed"],
    },
    "health-and-safety": { siteRiskAssessedOn: past, activityRiskAssessedOn: past, individualRiskAssessments: ["confirmed"], firstAiders: options.lead, fireDrillOn: past, incidentReporting: ["confirmed"] },
    admissions: { needsRecords: ["confirmed"], baselineAssessment: ["confirmed"], learningPlans: ["confirmed"], sessionAttendance: ["confirmed"], attendancePolicyReviewedOn: past },
    insurance: { employersLiabilityExpiresOn: future, publicLiabilityExpiresOn: future },
    declaration: { name: options.lead, jobTitle: "Director", declaration: ["confirmed"] },
  };
}

type Target = "draft" | "submitted" | "approved" | "suspended";

export interface DemoListing {
  organisation: string;
  userEmail: string;
  target: Target;
  /** For a draft: the sections saved so far. */
  sections?: readonly SectionId[];
  answers: Omit<Parameters<typeof applicationAnswers>[0], "today">;
}

async function sessionUserFor(db: Database, email: string): Promise<SessionUser> {
  const [row] = await db
    .select({ user: users, organisation: organisations })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.email, email));
  if (!row) throw new Error(`Demo user missing: ${email}`);
  return {
    id: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    organisationId: row.organisation.id,
    organisationName: row.organisation.name,
    organisationKind: row.organisation.kind,
  };
}

function actorOf(user: SessionUser) {
  return { userId: user.id, role: user.role, audit: auditorFor({ userId: user.id, role: user.role, organisationId: user.organisationId }, null) };
}

export async function seedDemoListings(db: Database, demo: readonly DemoListing[], reviewerEmail: string): Promise<void> {
  const today = londonDate(new Date());
  const reviewer = await sessionUserFor(db, reviewerEmail);
  for (const listing of demo) {
    const provider = await sessionUserFor(db, listing.userEmail);
    const scope = providerScope(provider);
    const answers = applicationAnswers({ ...listing.answers, today });
    for (const id of listing.sections ?? SECTION_IDS) {
      const saved = await saveSection(scope, id, answers[id], true, actorOf(provider));
      if (!saved.ok) throw new Error(`Demo ${listing.organisation} ${id}: ${JSON.stringify(saved)}`);
    }
    if (listing.target === "draft") continue;
    const submitted = await submitApplication(scope, actorOf(provider), today);
    if (!submitted.ok) throw new Error(`Demo ${listing.organisation}: ${submitted.message}`);
    if (listing.target === "submitted") continue;
    const act = async (input: Parameters<typeof decide>[3]) => {
      const [row] = await db.select().from(listings).where(eq(listings.organisationId, provider.organisationId));
      const result = await decide(reviewerScope(reviewer), row!.id, row!.version, input, actorOf(reviewer), today);
      if (!result.ok) throw new Error(`Demo ${listing.organisation} ${input.action}: ${result.message}`);
    };
    await act({ action: "approve", listedUntil: addMonths(today, 12) });
    if (listing.target === "suspended") await act({ action: "suspend", reason: "A safeguarding concern was reported and is being investigated" });
  }
}
