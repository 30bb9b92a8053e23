import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as organisationsLoader } from "#app/routes/service-admin.organisations";
import { action as reviewersAction, loader as reviewersLoader } from "#app/routes/service-admin.reviewers";
import { db } from "#db/client";
import { users } from "#db/schema/index";
import { ROLES, type Role } from "#app/domain/roles";
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

  it("is the only role that may see the LAs or add reviewers: every other role is refused both pages and the form", async () => {
    const provider = await createOrganisation("provider");
    const directoryTeam = await createOrganisation("directory_team");
    const nationalService = await createOrganisation("national_service");
    const where = (role: Role) =>
      role === "provider" ? { organisationId: provider.id } : role === "directory_reviewer" ? { organisationId: directoryTeam.id } : role === "service_admin" ? { organisationId: nationalService.id } : { laCode: "202" };
    const form = { name: "Nobody", email: `nobody.${Date.now()}@test.example`, organisationId: await laId("202") };
    for (const role of ROLES) {
      const user = await createUser(role, where(role));
      const allowed = role === "service_admin";
      const statuses = [
        (await call(organisationsLoader, await requestAs(user, "/service-admin/organisations"))).status,
        (await call(reviewersLoader, await requestAs(user, "/service-admin/reviewers"))).status,
        ...(allowed ? [] : [(await call(reviewersAction, await requestAs(user, "/service-admin/reviewers", { form }))).status]),
      ];
      expect(statuses, role).toEqual(allowed ? [200, 200] : [403, 403, 403]);
    }
    expect(await db.select().from(users).where(eq(users.email, form.email))).toEqual([]);
  });
});
