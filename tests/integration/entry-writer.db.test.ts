import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { HISTORY_KINDS } from "#app/domain/entry-history";
import { EDUCATION_STATUSES, REASONS_LEFT, SOCIAL_CARE_STATUSES } from "#app/domain/register-vocabulary";
import { action as decideAction } from "#app/routes/consent-requests.$requestId";
import { loader as entryLoader } from "#app/routes/register.$childId._index";
import { action as intentionAction } from "#app/routes/register.$childId.home-education";
import { action as leaveAction } from "#app/routes/register.$childId.leave";
import { db } from "#db/client";
import { children, consentRequests, entryHistory } from "#db/schema/index";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { validEntryForm, postNewChild } from "../support/register";

const CODES = new Set<string>([...EDUCATION_STATUSES, ...SOCIAL_CARE_STATUSES, ...REASONS_LEFT]);

async function addChild(officer: TestUser, overrides: Record<string, string>) {
  const outcome = await postNewChild(officer, validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", ...overrides }));
  return /\/register\/([0-9a-f-]{36})/.exec(outcome.location!)![1]!;
}

const notice = { notice: "parent_notice", "noticeDate.day": "16", "noticeDate.month": "11", "noticeDate.year": "2026", evidence: "Letter from the parent." };

describe("one writer of a child's entry", () => {
  it("gives every change a typed kind, the next version and labels, whatever wrote it", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const socialWorker = await createUser("social_worker", { laCode: "202" });
    // The Commissioner's rule: the social worker decides (decision 036).
    const id = await addChild(officer, { atRiskOfHarmFromHome: "yes", allocatedSocialWorkerId: socialWorker.id });
    await call(intentionAction, await requestAs(officer, `/register/${id}/home-education`, { form: notice }), { childId: id });
    const [request] = await db.select().from(consentRequests).where(and(eq(consentRequests.childId, id), eq(consentRequests.status, "pending")));
    expect((await call(decideAction, await requestAs(socialWorker, `/consent-requests/${request!.id}`, { form: { decision: "agree", statement: "Exceptional.", bestInterests: "Safe at home now.", intent: "confirm" } }), { requestId: request!.id })).status).toBe(302);
    const [child] = await db.select().from(children).where(eq(children.id, id));
    const leave = { "dateLeft.day": "20", "dateLeft.month": "11", "dateLeft.year": "2026", reasonLeft: "moved_out_of_area", destination: "not_known", version: String(child!.version) };
    expect((await call(leaveAction, await requestAs(officer, `/register/${id}/leave`, { form: leave }), { childId: id })).status).toBe(302);

    const rows = await db.select().from(entryHistory).where(eq(entryHistory.childId, id)).orderBy(asc(entryHistory.id));
    expect(rows.map((r) => [r.kind, r.version])).toEqual([
      ["created", 1],
      ["consent_requested", 2],
      ["consent_agreed", 3],
      ["left", 4],
    ]);
    for (const row of rows) {
      expect(HISTORY_KINDS).toContain(row.kind);
      for (const change of row.changes) {
        expect(CODES.has(change.from ?? "")).toBe(false);
        expect(CODES.has(change.to ?? "")).toBe(false);
      }
    }
    expect(rows[2]!.changes).toEqual([
      { field: "educationStatus", label: "Education status", from: "On a school roll but absent all of the time without authorisation", to: "Elective home education" },
    ]);
  });

  it("shows codes stored by older writers as labels on the timeline", async () => {
    const officer = await createUser("council_officer", { laCode: "202" });
    const id = await addChild(officer, {});
    const [child] = await db.select().from(children).where(eq(children.id, id));
    await db.insert(entryHistory).values({
      childId: id,
      laId: child!.laId,
      version: 1,
      kind: "consent_agreed",
      summary: "Social worker agreed to home education in exceptional circumstances",
      changes: [{ field: "educationStatus", label: "Education status", from: "on_roll_full_absence", to: "elective_home_education" }],
    });
    const page = await call(entryLoader, await requestAs(officer, `/register/${id}`), { childId: id });
    const agreed = (page.data.history as { summary: string; changes: { from: string; to: string }[] }[]).find((h) => h.summary.startsWith("Social worker agreed"));
    expect(agreed!.changes).toEqual([expect.objectContaining({ from: "On a school roll but absent all of the time without authorisation", to: "Elective home education" })]);
  });
});
