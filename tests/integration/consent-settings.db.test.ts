import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as settingsAction, loader as settingsLoader } from "#app/routes/admin.settings";
import { action as intentionAction } from "#app/routes/register.$childId.home-education";
import { action as newAction } from "#app/routes/register.new";
import { db } from "#db/client";
import { consentRequests } from "#db/schema/index";
import { call, createUser, requestAs } from "../support/fixtures";
import { validEntryForm } from "../support/register";

const notice = { notice: "parent_notice", "noticeDate.day": "16", "noticeDate.month": "11", "noticeDate.year": "2026", evidence: "Letter from the parent." };

describe("a council's consent settings", () => {
  it("cannot switch off the statutory s434A rule: the law's rule is not a setting", async () => {
    const admin = await createUser("council_admin", { laCode: "330" });
    const officer = await createUser("council_officer", { laCode: "330" });
    const socialWorker = await createUser("social_worker", { laCode: "330" });
    // Everything unticked, as the form posts it, and a hand-made post naming the statutory rule.
    expect((await call(settingsAction, await requestAs(admin, "/admin/settings", { form: { consentOverdueWorkingDays: "10" } }))).status).toBe(302);
    const hostile = await call(settingsAction, await requestAs(admin, "/admin/settings", { form: { rules: "statutoryRuleEnabled", consentOverdueWorkingDays: "10" } }));
    expect(hostile.status).toBe(400);
    const page = await call(settingsLoader, await requestAs(admin, "/admin/settings"));
    expect(page.data.settings).not.toHaveProperty("statutoryRuleEnabled");
    expect(page.data.settings.exceptionalCircumstancesRuleEnabled).toBe(false);

    const created = await call(
      newAction,
      await requestAs(officer, "/register/new", {
        form: { ...validEntryForm({ educationStatus: "on_roll_full_absence", homeEducationReason: "", socialCareStatus: "s47_enquiry", allocatedSocialWorkerId: socialWorker.id }), intent: "create" },
      }),
    );
    const id = /\/register\/([0-9a-f-]{36})/.exec(created.location!)![1]!;
    const raised = await call(intentionAction, await requestAs(officer, `/register/${id}/home-education`, { form: notice }), { childId: id });
    expect(raised.location).toBe(`/register/${id}?homeEducation=consent_requested`);
    const [request] = await db.select().from(consentRequests).where(eq(consentRequests.childId, id));
    expect(request!.rules.map((r) => r.rule)).toEqual(["statutory"]);
  });
});
