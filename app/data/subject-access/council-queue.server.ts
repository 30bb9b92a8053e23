import { alias } from "drizzle-orm/pg-core";
import { and, asc, eq, ne, or } from "drizzle-orm";
import { QUEUE_KIND_LABELS, QUEUE_STATE_LABELS } from "#app/domain/council-queue";
import { parsePayload } from "#app/forms/council-queue-payloads";
import { db } from "#db/client";
import { councilQueueItems, organisations, users } from "#db/schema/index";
import { staff, when, type ChildRow, type ChildSection } from "./section";

// Transfers and the council queue's other items about the child (decisions 030 and 067). A
// transfer is read from both sides: sent from this entry (it sits in the other council's queue,
// whose staff are named by their council only, as the sending council sees them) or received into
// it. Other kinds are read from the child's own council's queue only: another council's items about
// the child (a possible match not yet confirmed) are that council's to give.

const decider = alias(users, "decider");
const other = alias(organisations, "other");

function itemsOf(child: ChildRow, where: ReturnType<typeof and>) {
  return db
    .select({ item: councilQueueItems, deciderName: decider.name, queueCouncil: organisations.name, otherCouncil: other.name })
    .from(councilQueueItems)
    .innerJoin(organisations, eq(organisations.id, councilQueueItems.laId))
    .leftJoin(other, eq(other.id, councilQueueItems.sourceLaId))
    .leftJoin(decider, eq(decider.id, councilQueueItems.decidedBy))
    .where(where)
    .orderBy(asc(councilQueueItems.createdAt), asc(councilQueueItems.id));
}

function decisionFields(row: Awaited<ReturnType<typeof itemsOf>>[number], ours: boolean) {
  const { item } = row;
  const by = ours ? staff(item.decidedBy, row.deciderName) : undefined;
  return [
    { label: "State", value: QUEUE_STATE_LABELS[item.state] },
    { label: "Decided", value: when(item.decidedAt) },
    { label: "Decided by", value: item.decidedAt === null ? null : ours ? row.deciderName : row.queueCouncil, ...(by ? { thirdParty: by } : {}) },
    { label: "Reason given", value: item.decisionReason },
  ];
}

export const transfersSection: ChildSection = {
  id: "transfers",
  title: "Transfers between councils",
  description: "When the child moved between English councils: what the sending council sent to the receiving council, and what the receiving council decided.",
  async load(child) {
    const rows = await itemsOf(
      child,
      and(
        eq(councilQueueItems.kind, "incoming_transfer"),
        or(and(eq(councilQueueItems.sourceChildId, child.id), eq(councilQueueItems.sourceLaId, child.laId)), and(eq(councilQueueItems.childId, child.id), eq(councilQueueItems.laId, child.laId))),
      ),
    );
    return rows.map((row) => {
      const { item } = row;
      const sent = item.sourceChildId === child.id && item.sourceLaId === child.laId;
      const payload = parsePayload("incoming_transfer", item.payload);
      const address = payload.newAddress ? [payload.newAddress.addressLine1, payload.newAddress.addressLine2, payload.newAddress.town, payload.newAddress.postcode].filter(Boolean).join(", ") : null;
      return {
        heading: sent ? `Transfer to ${row.queueCouncil}, sent ${when(item.createdAt)}` : `Transfer from ${row.otherCouncil ?? payload.fromLaName}, received ${when(item.createdAt)}`,
        fields: [
          { label: "From", value: sent ? payload.fromLaName : (row.otherCouncil ?? payload.fromLaName) },
          { label: "To", value: row.queueCouncil },
          { label: "Name sent", value: `${payload.firstName} ${payload.lastName}` },
          { label: "Date of birth sent", value: payload.dateOfBirth },
          { label: "Child reference", value: payload.childReference },
          { label: "New address", value: address },
          { label: "Date left the sending council's register", value: payload.dateLeft },
          { label: "Social worker involved", value: payload.socialWorkerInvolved ? "Yes" : "No" },
          { label: "Open consent requests", value: String(payload.openConsentRequests) },
          { label: "Current placements", value: String(payload.currentPlacements) },
          ...decisionFields(row, !sent),
        ],
      };
    });
  },
};

export const councilQueueSection: ChildSection = {
  id: "council-queue",
  title: "Items in the council's queue about the child",
  description: "Things the council had to decide about the child other than transfers, such as a match with a child who left another council's register: what it was, when, and what was decided.",
  async load(child) {
    const rows = await itemsOf(child, and(ne(councilQueueItems.kind, "incoming_transfer"), eq(councilQueueItems.childId, child.id), eq(councilQueueItems.laId, child.laId)));
    return rows.map((row) => {
      const { item } = row;
      const details =
        item.kind === "destination_unknown_match"
          ? (() => {
              const payload = parsePayload("destination_unknown_match", item.payload);
              return [
                { label: "Council the child left", value: payload.leftLaName },
                { label: "Left on", value: payload.leftOn },
                { label: "How close the match was", value: payload.strength === "exact" ? "The same identifier" : "Likely (name and date of birth)" },
              ];
            })()
          : item.kind === "parent_notification"
            ? (() => {
                const payload = parsePayload("parent_notification", item.payload);
                return [
                  { label: "Reference", value: payload.reference },
                  { label: "Changes the notification", value: payload.earlierReference },
                  { label: "Child's name as given", value: [payload.child.firstName, payload.child.middleNames, payload.child.lastName].filter(Boolean).join(" ") },
                  { label: "Date of birth as given", value: payload.child.dateOfBirth },
                  { label: "Email address given", value: payload.contactEmail },
                  { label: "What changed", value: payload.changeDetails },
                ];
              })()
            : [];
      return {
        heading: `${QUEUE_KIND_LABELS[item.kind]}: ${when(item.createdAt)}`,
        fields: [{ label: "Kind", value: QUEUE_KIND_LABELS[item.kind] }, { label: "Due", value: item.dueOn }, ...details, ...decisionFields(row, true)],
      };
    });
  },
};
