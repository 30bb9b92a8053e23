import type { DeletionGround } from "./deletion-grounds";
import { HOME_EDUCATION_GROUND } from "./deletion-grounds";
import type { EducationStatus, SocialCareStatus } from "./register-vocabulary";

// What happens to a school's deletion return (issue 17 item 3; decision 069). Section 434A of the
// Education Act 1996: a registered pupil whose parent withdraws them for home education may not be
// deleted without the council's consent where the council is making enquiries under s47 of the
// Children Act 1989, the child has a child protection plan (action under s47(8)), or the council
// arranged the child's place at a special school. The school may know this; the council's register
// is the authority. So both are read:
//   - the register holds a ground for the child the return matched, and the ground is home
//     education: the consent workflow opens a request (decisions 036-039), the school must wait;
//   - only the school says so, or no entry matched: the school must still wait, and the return goes
//     to the council's queue flagged as needing consent, for an officer to resolve;
//   - otherwise the return goes to the council's queue, and the school may delete.

export const S434A_GROUNDS = ["s47_enquiries", "child_protection_plan", "la_arranged_special_school_place"] as const;
export type S434AGround = (typeof S434A_GROUNDS)[number];

export const S434A_GROUND_LABELS: Record<S434AGround, string> = {
  s47_enquiries: "the council is making enquiries about the child under section 47 of the Children Act 1989",
  child_protection_plan: "the child has a child protection plan",
  la_arranged_special_school_place: "the council arranged the child's place at a special school",
};

/** What the school answered (each unticked answer is "no or not known"). */
export interface SchoolSays {
  childProtectionPlan: boolean;
  s47Enquiries: boolean;
  laArrangedSpecialSchoolPlace: boolean;
}

/** What the register holds for the entry the return matched. */
export interface RegisterHolds {
  socialCareStatus: SocialCareStatus;
  laArrangedSpecialSchoolPlace: boolean;
}

export function schoolGrounds(says: SchoolSays): S434AGround[] {
  const grounds: S434AGround[] = [];
  if (says.s47Enquiries) grounds.push("s47_enquiries");
  if (says.childProtectionPlan) grounds.push("child_protection_plan");
  if (says.laArrangedSpecialSchoolPlace) grounds.push("la_arranged_special_school_place");
  return grounds;
}

export function registerGrounds(holds: RegisterHolds): S434AGround[] {
  const grounds: S434AGround[] = [];
  if (holds.socialCareStatus === "s47_enquiry") grounds.push("s47_enquiries");
  if (holds.socialCareStatus === "child_protection_plan") grounds.push("child_protection_plan");
  if (holds.laArrangedSpecialSchoolPlace) grounds.push("la_arranged_special_school_place");
  return grounds;
}

export type DeletionReturnRoute =
  /** The register holds a s434A ground for the matched entry: a consent request opens; the school must not delete. */
  | { kind: "consent_request"; mustNotDelete: true; grounds: S434AGround[] }
  /** The council's queue; `needsConsent`: the school (or the register) says s434A applies but no request could open, so the school must wait. */
  | { kind: "queue"; mustNotDelete: boolean; needsConsent: boolean; grounds: S434AGround[] };

/**
 * The route a deletion return takes. `register` is what the register holds for the entry the return
 * matched exactly, or null when none did.
 */
export function routeDeletionReturn(ground: DeletionGround, says: SchoolSays, register: RegisterHolds | null): DeletionReturnRoute {
  const held = register ? registerGrounds(register) : [];
  const said = schoolGrounds(says);
  const grounds = S434A_GROUNDS.filter((g) => held.includes(g) || said.includes(g));
  if (ground !== HOME_EDUCATION_GROUND || grounds.length === 0) return { kind: "queue", mustNotDelete: false, needsConsent: false, grounds: [] };
  if (held.length > 0) return { kind: "consent_request", mustNotDelete: true, grounds };
  return { kind: "queue", mustNotDelete: true, needsConsent: true, grounds };
}

/** The education status an entry made from the return starts with: home education, else missing education. */
export function newEntryStatus(ground: DeletionGround): Extract<EducationStatus, "elective_home_education" | "not_on_roll"> {
  return ground === HOME_EDUCATION_GROUND ? "elective_home_education" : "not_on_roll";
}

// What the school sees of its return: a status, never the register's data.
export const RETURN_STATUSES = [
  "with_council",
  "consent_pending",
  "consent_given",
  "consent_refused",
  "matched",
  "made_entry",
  "moved_school",
  // New pupil returns and reports of pupils never attending (decision 076; app/domain/school-returns.ts).
  "recorded",
  "returned_to_school",
  "accepted",
  "rejected",
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURN_STATUS_LABELS: Record<ReturnStatus, string> = {
  with_council: "With the council",
  consent_pending: "Do not delete: waiting for the council's consent",
  consent_given: "The council consented: you may delete the pupil",
  consent_refused: "The council did not consent: keep the pupil on roll",
  matched: "The council matched it to a child it knows",
  made_entry: "The council added the child to its register",
  moved_school: "The council recorded the child as moved to another school",
  recorded: "Recorded: the council has nothing more to do",
  returned_to_school: "The council recorded the child as back in school",
  accepted: "The council accepted the report",
  rejected: "The council did not accept the report",
};

/** The school's status from the queue item's state or the consent request's, whichever the return went to. */
export function returnStatus(
  via: { queueState: "new" | "matched" | "made_entry" | "dismissed"; needsConsent: boolean } | { consentStatus: "pending" | "agreed" | "refused" },
): ReturnStatus {
  if ("consentStatus" in via) {
    if (via.consentStatus === "agreed") return "consent_given";
    if (via.consentStatus === "refused") return "consent_refused";
    return "consent_pending";
  }
  switch (via.queueState) {
    case "new":
      return via.needsConsent ? "consent_pending" : "with_council";
    case "matched":
      return "matched";
    case "made_entry":
      return "made_entry";
    case "dismissed":
      return "moved_school";
  }
}
