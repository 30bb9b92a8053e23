import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as organisationsLoader } from "#app/routes/service-admin.organisations";
import { action as reviewersAction, loader as reviewersLoader } from "#app/routes/service-admin.reviewers";
import { db } from "#db/client";
import { users } from "#db/schema/index";
import { action as invitationAction } from "#app/routes/invitation.$token";
import { captureEmails } from "../support/emails";
import { call, createOrganisation, createUser, laId, requestAs } from "../support/fixtures";

const emails = captureEmails();

describe("the service admin", () => {
  it("sees every LA and adds reviewers to the national team or an LA, never another role", async () => {
    const team = await createOrganisation("national_service");
    const admin = await createUser("service_admin", { organisationId: team.id });
    const las = await call(organisationsLoader, await requestAs(admin, "/service-admin/organisations"));
    expect(las.data.las).toHaveLength(153);
    const camden = await laId("202");
    const added = await call(reviewersAction, await requestAs(admin, "/service-admin/reviewers", { form: { name: "Rae Quinn", email: "rae@camden.example", organisationId: camden } }));
    expect(added.data.invited).toMatchObject({ email: "rae@camden.example" });
    const token = emails.tokenSentTo("rae@camden.example", "invitation")!;
    const accepted = await call(invitationAction, await requestAs(null, `/invitation/${token}`, { form: { password: "quartz meadow falcon 31", confirmPassword: "quartz meadow falcon 31" } }), { token });
    expect(accepted.location).toBe("/home");
    const [reviewer] = await db.select().from(users).where(eq(users.email, "rae@camden.example"));
    expect(reviewer).toMatchObject({ role: "directory_reviewer", organisationId: camden });
    const provider = await createOrganisation("provider");
    const wrong = await call(reviewersAction, await requestAs(admin, "/service-admin/reviewers", { form: { name: "X", email: "x@p.example", organisationId: provider.id } }));
    expect(wrong.data.errors.organisationId).toMatch(/national team or a local authority/);
    const list = await call(reviewersLoader, await requestAs(admin, "/service-admin/reviewers"));
    expect(list.data.reviewers.map((r: { email: string }) => r.email)).toContain("rae@camden.example");
  });

  it("is the only role that may", async () => {
    const officer = await createUser("council_admin", { laCode: "202" });
    expect((await call(reviewersLoader, await requestAs(officer, "/service-admin/reviewers"))).status).toBe(403);
  });
});
