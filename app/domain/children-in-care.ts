import { daysBetween, type IsoDate } from "./dates";
import { EDUCATION_STATUS_LABELS, type EducationStatus, type SocialCareStatus } from "./register-vocabulary";

// Children in care and children with a social worker (issue 26, decision 072): the council
// responsible for them (that looks after a looked-after child, or whose children's services hold a
// child-in-need or child protection plan) may not be the council whose register they are on. Its
// virtual school head (s22(3A) Children Act 1989; extended to children with a social worker by the
// 2022 guidance) sees them wherever they are.

/** The social care statuses for which an entry records the council responsible for the child. */
export const RESPONSIBLE_AUTHORITY_STATUSES = ["looked_after", "child_in_need_plan", "child_protection_plan"] as const satisfies readonly SocialCareStatus[];

/** Whether the entry records a responsible council (and so a virtual school head follows the child). */
export function hasResponsibleAuthority(status: SocialCareStatus): boolean {
  return (RESPONSIBLE_AUTHORITY_STATUSES as readonly SocialCareStatus[]).includes(status);
}

/** The responsible council of an entry: the one recorded, else the register's own; none when the status has none. */
export function responsibleCouncil(entry: { laId: string; responsibleLaId: string | null; socialCareStatus: SocialCareStatus }): string | null {
  return hasResponsibleAuthority(entry.socialCareStatus) ? (entry.responsibleLaId ?? entry.laId) : null;
}

/**
 * The Children's Commissioner's categories of a child in care missing school: not on a school roll,
 * in an unregistered setting, or on a roll but never attending. The register's other statuses are
 * education the council knows of (home education, the school's own arrangement, EOTAS).
 */
export const COMMISSIONER_CATEGORIES = ["not_on_roll", "unregistered_setting", "on_roll_never_attending", "other_arrangement"] as const;
export type CommissionerCategory = (typeof COMMISSIONER_CATEGORIES)[number];

export const COMMISSIONER_CATEGORY_LABELS: Record<CommissionerCategory, string> = {
  not_on_roll: "Not on a school roll",
  unregistered_setting: "In an unregistered setting",
  on_roll_never_attending: "On a school roll but never attending",
  other_arrangement: "Other known education",
};

export function commissionerCategory(status: EducationStatus): CommissionerCategory {
  switch (status) {
    case "not_on_roll":
      return "not_on_roll";
    case "unregistered_setting":
      return "unregistered_setting";
    case "on_roll_full_absence":
      return "on_roll_never_attending";
    case "elective_home_education":
    case "on_roll_arranged_elsewhere":
    case "eotas":
      return "other_arrangement";
  }
}

/**
 * How long the child has been in their category: from the day their education status last changed
 * (the entry writer keeps it). Two statuses map to one category only for "other known education",
 * whose length is that of the current status.
 */
export function timeInCategory(statusSince: IsoDate, today: IsoDate): { days: number; words: string } {
  const days = Math.max(0, daysBetween(statusSince, today));
  if (days < 14) return { days, words: days === 1 ? "1 day" : `${days} days` };
  const weeks = Math.floor(days / 7);
  return { days, words: `${weeks} weeks` };
}

/** A council's name as a possessive: "Camden's", "Leeds'". */
export function councilPossessive(name: string): string {
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
}

/** The entry's state the virtual school head is told about. */
export interface FollowedState {
  /** The council responsible for the child, or null when the entry records none. */
  responsibleLaId: string | null;
  educationStatus: EducationStatus;
  dateLeft: string | null;
}

/** What the virtual school head of a council is told of a change: nothing, or one sentence. */
export type VirtualSchoolNews =
  | { kind: "added" }
  | { kind: "now_responsible" }
  | { kind: "status_changed"; status: EducationStatus }
  | { kind: "left" }
  | { kind: "placed" };

/**
 * What each responsible council's virtual school head is told of one change: the child added to a
 * register (`before` null), a council becoming responsible, the education status changing, the
 * child leaving the register, or (`placed`) a placement at non-school alternative provision.
 */
export function virtualSchoolNews(before: FollowedState | null, after: FollowedState, placed = false): { laId: string; news: VirtualSchoolNews }[] {
  const laId = after.responsibleLaId;
  if (laId === null) return [];
  if (before === null) return [{ laId, news: { kind: "added" } }];
  if (placed) return [{ laId, news: { kind: "placed" } }];
  if (before.responsibleLaId !== laId) return after.dateLeft === null ? [{ laId, news: { kind: "now_responsible" } }] : [];
  if (before.dateLeft === null && after.dateLeft !== null) return [{ laId, news: { kind: "left" } }];
  if (after.dateLeft === null && before.educationStatus !== after.educationStatus) return [{ laId, news: { kind: "status_changed", status: after.educationStatus } }];
  return [];
}

export function virtualSchoolNewsInWords(news: VirtualSchoolNews): string {
  switch (news.kind) {
    case "added":
      return "Added to the register";
    case "now_responsible":
      return "Recorded as a child your council is responsible for";
    case "status_changed":
      return `New education status: ${EDUCATION_STATUS_LABELS[news.status].toLowerCase()}`;
    case "left":
      return "Left the register";
    case "placed":
      return "Placed at non-school alternative provision";
  }
}
