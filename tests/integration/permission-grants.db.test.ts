import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loader as requestsLoader } from "#app/routes/consent-requests._index";
import { action as grantsAction, loader as grantsLoader } from "#app/routes/admin.users.$userId_.grants";
import { loader as userLoader } from "#app/routes/admin.users.$userId";
import { db } from "#db/client";
import { auditEvents, permissionGrants } from "#db/schema/index";
import { call, createUser, requestAs } from "../support/fixtures";

const GRANT = "decide:consent-statutory:own-la";

describe("a council admin grants the decision-maker permission", () => {
  it("grants it to a named officer on top of their role, and removes it, each an audit event; it counts at once", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const officer = await createUser("council_officer", { laCode: "202" });
    const page = await call(userLoader, await requestAs(admin, `/admin/users/${officer.id}`), { userId: officer.id });
    expect(page.data).toMatchObject({ grants: [], mayBeGranted: true });
    expect((await call(grantsLoader, await requestAs(admin, `/admin/users/${officer.id}/grants`), { userId: officer.id })).data.grantable).toEqual([GRANT]);

    // Without the grant, an officer's work list is the council's, deciding none.
    const granted = await call(grantsAction, await requestAs(admin, `/admin/users/${officer.id}/grants`, { form: { grants: GRANT } }), { userId: officer.id });
    expect(granted.location).toBe(`/admin/users/${officer.id}?grants-changed`);
    expect(await db.select().from(permissionGrants).where(eq(permissionGrants.userId, officer.id))).toMatchObject([{ permission: GRANT, grantedBy: admin.id }]);
    expect((await call(userLoader, await requestAs(admin, `/admin/users/${officer.id}`), { userId: officer.id })).data.grants).toEqual(["Home-education consent decision-maker"]);
    // Granting again changes nothing and writes no second event.
    await call(grantsAction, await requestAs(admin, `/admin/users/${officer.id}/grants`, { form: { grants: GRANT } }), { userId: officer.id });

    const removed = await call(grantsAction, await requestAs(admin, `/admin/users/${officer.id}/grants`, { form: {} }), { userId: officer.id });
    expect(removed.status).toBe(302);
    expect(await db.select().from(permissionGrants).where(eq(permissionGrants.userId, officer.id))).toHaveLength(0);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, officer.id), eq(auditEvents.subjectType, "user")));
    expect(events.map((e) => e.action).filter((a) => a.startsWith("user.permission"))).toEqual(["user.permission_granted", "user.permission_removed"]);
    expect(events.find((e) => e.action === "user.permission_granted")).toMatchObject({ actorUserId: admin.id, details: { permission: GRANT } });
  });

  it("lets the grant reach the consent pages only while held, and only for a role that may hold it", async () => {
    const admin = await createUser("council_admin", { laCode: "330" });
    const socialWorker = await createUser("social_worker", { laCode: "330" });
    const refused = await call(grantsAction, await requestAs(admin, `/admin/users/${socialWorker.id}/grants`, { form: { grants: GRANT } }), { userId: socialWorker.id });
    expect(refused.status).toBe(400);
    expect(refused.data.errors.grants).toBe("Only a council officer or a council admin can be a decision-maker");
    expect(await db.select().from(permissionGrants).where(eq(permissionGrants.userId, socialWorker.id))).toHaveLength(0);

    const officer = await createUser("council_officer", { laCode: "330" });
    await call(grantsAction, await requestAs(admin, `/admin/users/${officer.id}/grants`, { form: { grants: GRANT } }), { userId: officer.id });
    expect((await call(requestsLoader, await requestAs(officer, "/consent-requests"))).status).toBe(200);
  });

  it("never reaches another council's users, and a hand-made permission is refused", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const leedsOfficer = await createUser("council_officer", { laCode: "383" });
    expect((await call(grantsAction, await requestAs(admin, `/admin/users/${leedsOfficer.id}/grants`, { form: { grants: GRANT } }), { userId: leedsOfficer.id })).status).toBe(404);
    expect((await call(grantsLoader, await requestAs(admin, `/admin/users/${leedsOfficer.id}/grants`), { userId: leedsOfficer.id })).status).toBe(404);
    const officer = await createUser("council_officer", { laCode: "202" });
    expect((await call(grantsAction, await requestAs(admin, `/admin/users/${officer.id}/grants`, { form: { grants: "manage:user:own-la" } }), { userId: officer.id })).status).toBe(400);
    expect((await call(grantsAction, await requestAs(officer, `/admin/users/${officer.id}/grants`, { form: { grants: GRANT } }), { userId: officer.id })).status).toBe(403);
    expect(await db.select().from(permissionGrants).where(eq(permissionGrants.userId, officer.id))).toHaveLength(0);
  });
});
