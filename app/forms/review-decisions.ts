import { z } from "zod";
import { DATE_RANGES } from "#app/domain/date-ranges";
import type { IsoDate } from "#app/domain/dates";
import type { ListingAction } from "#app/domain/listing-lifecycle";
import { date, optionalText, requiredText, choice } from "./fields";
import { requestChangesSchema } from "./application";

// The reviewer's decision forms, one schema each. The URL names the decision
// (/review/:listingId/approve); each maps to one action of the listing lifecycle.

export const DECISIONS = ["approve", "request-changes", "refuse", "suspend", "reinstate", "revoke", "renew"] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_ACTION: Record<Decision, ListingAction> = {
  approve: "approve",
  "request-changes": "request_changes",
  refuse: "refuse",
  suspend: "suspend",
  reinstate: "reinstate",
  revoke: "revoke",
  renew: "renew",
};

export const ACTION_DECISION = Object.fromEntries(Object.entries(DECISION_ACTION).map(([d, a]) => [a, d])) as Partial<Record<ListingAction, Decision>>;

export const DECISION_TITLES: Record<Decision, string> = {
  approve: "Approve and list the provider",
  "request-changes": "Request changes to the application",
  refuse: "Refuse the application",
  suspend: "Suspend the listing",
  reinstate: "Reinstate the listing",
  revoke: "Revoke the listing",
  renew: "Renew the listing",
};

export const DECISION_BUTTONS: Record<Decision, string> = {
  approve: "Approve",
  "request-changes": "Request changes",
  refuse: "Refuse",
  suspend: "Suspend",
  reinstate: "Reinstate",
  revoke: "Revoke",
  renew: "Renew",
};

export function isDecision(value: string): value is Decision {
  return (DECISIONS as readonly string[]).includes(value);
}

const version = z.coerce.number().int();

const listedUntil = (today: IsoDate) =>
  date("the date the listing ends", DATE_RANGES.expiry("The date the listing ends", today));

const REASON_LABELS: Record<"refuse" | "suspend" | "reinstate" | "revoke", string> = {
  refuse: "the reason for refusing",
  suspend: "the reason for suspending",
  reinstate: "the reason for reinstating",
  revoke: "the reason for revoking",
};

export function decisionSchema(decision: Decision, today: IsoDate) {
  switch (decision) {
    case "approve":
    case "renew":
      return z.object({ version, listedUntil: listedUntil(today), conditions: optionalText("the conditions", { max: 2000, multiline: true }) });
    case "request-changes":
      return z.object({ version, comments: requestChangesSchema });
    default:
      return z.object({ version, reason: requiredText(REASON_LABELS[decision], { max: 2000, multiline: true }) });
  }
}

export const changeRequestDecisionSchema = z
  .object({
    decision: choice(["approve", "reject"], "Select whether to approve or reject the changes"),
    reason: optionalText("the reason", { max: 2000, multiline: true }),
  })
  .refine((d) => d.decision === "approve" || d.reason, { path: ["reason"], message: "Enter the reason for rejecting the changes" });
