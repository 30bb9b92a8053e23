import { href } from "react-router";
import { ANNUAL_REVIEW_NOTICE_DAYS } from "#app/domain/contacts";
import { QUEUE_KIND_LABELS, QUEUE_KINDS, type QueueKind } from "#app/domain/council-queue";
import { londonDate } from "#app/domain/dates";
import { hasPermission, type Permission } from "#app/domain/roles";
import { SUITABILITY_DEADLINE_NOTICE_DAYS } from "#app/domain/suitability-process";
import type { SessionUser } from "#app/utils/session.server";
import { caseworkSettings } from "./casework-due.server";
import { countConsentRequests } from "./consent.server";
import { countOpenQueueItems } from "./council-queue.server";
import { countPlacementsNeedingReview } from "./placements.server";
import { countRegister } from "./register-search.server";
import type { Due } from "./register-query";
import { consentScope, laScope, placementScope, registerScope, virtualSchoolScope } from "./scope.server";
import { countFollowed, countWithoutNamedSchool } from "./virtual-school.server";

// The officer's work queue: the home page's counts, each linking to the list it counts. One line
// per kind of work, in this one registry: later work (school returns, transfers, the council
// queue's kinds, notices with deadlines) adds a line here, not a page. A line counts through the
// same scoped reader as its list, so the number is the list's length (tests/integration/work-queue.db.test.ts).

export interface WorkQueueLine {
  id: string;
  /** A user holding any of these sees the line; the count's scope narrows it to their own reach. */
  permissions: readonly Permission[];
  label: (user: SessionUser) => string | Promise<string>;
  /** The list behind the count (a path the user's permissions also open). */
  href: string;
  count: (user: SessionUser, now: Date) => Promise<number>;
}

const consentForYou = (user: SessionUser) => hasPermission(user.role, "decide:consent:allocated");

/** A register list behind a line: the register filtered to one casework due (app/data/casework-due.server.ts). */
function registerLine(id: string, due: Due, label: WorkQueueLine["label"]): WorkQueueLine {
  return {
    id,
    permissions: ["read:child:own-la"],
    label,
    href: `${href("/register")}?due=${due}`,
    count: (user, now) => countRegister(registerScope(user), { due }, now),
  };
}

/** One line per kind of item in the council's queue (decision 030): transfers, matches, and later returns and notifications. */
function councilQueueLine(kind: QueueKind): WorkQueueLine {
  return {
    id: `queue-${kind}`,
    permissions: ["write:child:own-la"],
    label: () => `${QUEUE_KIND_LABELS[kind]}: waiting for a decision`,
    href: `${href("/council-queue")}?kind=${kind}`,
    count: async (user, now) => (await countOpenQueueItems(laScope(user), londonDate(now))).find((k) => k.kind === kind)?.open ?? 0,
  };
}

export const WORK_QUEUE_LINES: readonly WorkQueueLine[] = [
  // The virtual school head's (issue 26): the children their council is responsible for, on any register.
  {
    id: "children-in-care",
    permissions: ["read:child:responsible"],
    label: () => "Children in care or with a plan on a register of children not in school",
    href: href("/virtual-school"),
    count: (user) => countFollowed(virtualSchoolScope(user)),
  },
  {
    id: "children-in-care-without-school",
    permissions: ["read:child:responsible"],
    label: () => "Of them, children without a named school",
    href: href("/virtual-school"),
    count: (user) => countWithoutNamedSchool(virtualSchoolScope(user)),
  },
  {
    id: "children-allocated",
    permissions: ["read:child:allocated"],
    label: () => "Children allocated to you",
    href: href("/my-children"),
    count: (user, now) => countRegister(registerScope(user), { state: "all" }, now),
  },
  {
    id: "consent-overdue",
    permissions: ["read:consent:own-la", "decide:consent:allocated"],
    label: (user) => (consentForYou(user) ? "Home-education requests for you that are overdue" : "Home-education requests overdue"),
    href: `${href("/consent-requests")}?show=overdue`,
    count: (user, now) => countConsentRequests(consentScope(user), "overdue", now),
  },
  {
    id: "consent-waiting",
    permissions: ["read:consent:own-la", "decide:consent:allocated"],
    label: (user) => (consentForYou(user) ? "Home-education requests waiting for your decision" : "Home-education requests waiting for a social worker"),
    href: `${href("/consent-requests")}?show=waiting`,
    count: (user, now) => countConsentRequests(consentScope(user), "waiting", now),
  },
  {
    id: "placements-review",
    permissions: ["write:placement:own-la"],
    label: () => "Placements flagged for review",
    href: `${href("/placements")}?show=needs-review`,
    count: (user) => countPlacementsNeedingReview(placementScope(user)),
  },
  registerLine("missing-education", "missing_education", () => "Children missing education, longest missing first"),
  registerLine("no-contact", "no_contact", async (user) => `Children with no contact for ${(await caseworkSettings(user.organisationId)).noContactAlertDays} days or more`),
  registerLine("annual-review", "annual_review", () => `Annual home-education reviews due within ${ANNUAL_REVIEW_NOTICE_DAYS} days or overdue`),
  registerLine("next-action", "next_action", () => "Next actions due from contacts"),
  registerLine("support-waiting", "support_waiting", () => "Home-educating parents' requests for support waiting for an offer"),
  registerLine("suitability-deadline", "suitability_deadline", () => `Notices and orders with a deadline within ${SUITABILITY_DEADLINE_NOTICE_DAYS} days or passed`),
  registerLine("visit-offer", "visit_offer", async (user) => `Visits or meetings not offered within ${(await caseworkSettings(user.organisationId)).visitOfferDays} days of registration`),
  registerLine("information-overdue", "information_overdue", () => "Requests for information to parents not answered by their due date"),
  registerLine("no-named-school", "no_named_school", () => "Children in care or on a plan without a named school"),
  ...QUEUE_KINDS.map(councilQueueLine),
];

export interface WorkQueueItem {
  id: string;
  label: string;
  href: string;
  count: number;
}

/** The lines the user's permissions show, counted. */
export async function workQueueFor(user: SessionUser, now = new Date()): Promise<WorkQueueItem[]> {
  const lines = WORK_QUEUE_LINES.filter((line) => line.permissions.some((p) => hasPermission(user.role, p)));
  return Promise.all(lines.map(async (line) => ({ id: line.id, label: await line.label(user), href: line.href, count: await line.count(user, now) })));
}
