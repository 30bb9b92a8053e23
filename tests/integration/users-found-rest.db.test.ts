import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { providerScope } from "#app/data/directory-scope.server";
import { listLaUsers } from "#app/data/la-users.server";
import { removeColleague } from "#app/data/provider-accounts.server";
import { laScope } from "#app/data/scope.server";
import { action as colleaguesAction, loader as colleaguesLoader } from "#app/routes/provider.colleagues";
import { loader as usersLoader } from "#app/routes/admin.users._index";
import { auditorFor } from "#app/utils/audit.server";
import { signIn } from "#app/utils/auth.server";
import { db } from "#db/client";
import { auditEvents, sessions, users } from "#db/schema/index";
import { call, createOrganisation, createUser, requestAs, TEST_PASSWORD, type TestUser } from "../support/fixtures";
import { actorFor, sessionUserOf } from "../support/directory";

// Issue 21 item 15: a provider removes a colleague; a council admin reads each user's last sign-in.

async function providerTeam(size: number) {
  const organisation = await createOrganisation("provider");
  const people: TestUser[] = [];
  for (let i = 0; i < size; i++) people.push(await createUser("provider", { organisationId: organisation.id }, { name: `Person ${i}` }));
  return { organisation, people, scopeOf: (u: TestUser) => providerScope(sessionUserOf(u, "provider", organisation.name)) };
}

describe("a provider removing a colleague", () => {
  it("deactivates them, ends their sessions and audits it, through the page's confirmation", async () => {
    const { people, scopeOf } = await providerTeam(2);
    const [me, them] = people as [TestUser, TestUser];
    await requestAs(them, "/provider"); // a session of theirs
    expect(await db.select().from(sessions).where(eq(sessions.userId, them.id))).toHaveLength(1);

    const confirm = await call(colleaguesLoader, await requestAs(me, `/provider/colleagues?remove=${them.id}`));
    expect(confirm.data.removing).toMatchObject({ id: them.id, name: "Person 1" });
    const removed = await call(colleaguesAction, await requestAs(me, "/provider/colleagues", { form: { intent: "remove", userId: them.id } }));
    expect(removed.location).toBe("/provider/colleagues?removed=Person%201");

    const [row] = await db.select().from(users).where(eq(users.id, them.id));
    expect(row!.deactivatedAt).not.toBeNull();
    // requestAs made one for this request too: the removal's own session is me's; theirs are gone.
    expect(await db.select().from(sessions).where(eq(sessions.userId, them.id))).toHaveLength(0);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, them.id));
    expect(event).toMatchObject({ action: "user.deactivated", actorUserId: me.id });
    const list = await call(colleaguesLoader, await requestAs(me, "/provider/colleagues"));
    expect(list.data.colleagues.find((c: { id: string }) => c.id === them.id)).toMatchObject({ active: false });
    // Not offered again once removed.
    expect((await call(colleaguesLoader, await requestAs(me, `/provider/colleagues?remove=${them.id}`))).data.removing).toBeNull();
    expect(await removeColleague(scopeOf(me), them.id, actorFor(me))).toEqual({ ok: true, name: "Person 1" });
  });

  it("never removes oneself, and never leaves the organisation with no active account", async () => {
    const { people, scopeOf } = await providerTeam(2);
    const [me, them] = people as [TestUser, TestUser];
    expect(await removeColleague(scopeOf(me), me.id, actorFor(me))).toEqual({ ok: false, message: "You cannot remove yourself. Ask a colleague to remove you." });
    const refused = await call(colleaguesAction, await requestAs(me, "/provider/colleagues", { form: { intent: "remove", userId: me.id } }));
    expect(refused.status).toBe(409);
    // The page does not even offer it.
    expect((await call(colleaguesLoader, await requestAs(me, `/provider/colleagues?remove=${me.id}`))).data.removing).toBeNull();

    // Two colleagues removing each other at once: one wins, and the other finds it has been removed.
    const results = await Promise.all([removeColleague(scopeOf(me), them.id, actorFor(me)), removeColleague(scopeOf(them), me.id, actorFor(them))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, message: "Your organisation must keep at least one active account" }]);
    const active = await db.select().from(users).where(eq(users.organisationId, (await db.select().from(users).where(eq(users.id, me.id)))[0]!.organisationId));
    expect(active.filter((u) => !u.deactivatedAt)).toHaveLength(1);
  });

  it("reaches only its own organisation's people", async () => {
    const ours = await providerTeam(1);
    const theirs = await providerTeam(2);
    const me = ours.people[0]!;
    const other = theirs.people[1]!;
    expect((await call(colleaguesLoader, await requestAs(me, `/provider/colleagues?remove=${other.id}`))).data.removing).toBeNull();
    const refused = await call(colleaguesAction, await requestAs(me, "/provider/colleagues", { form: { intent: "remove", userId: other.id } }));
    expect(refused.status).toBe(404);
    expect((await db.select().from(users).where(eq(users.id, other.id)))[0]!.deactivatedAt).toBeNull();
    // A council user cannot reach the page at all.
    const officer = await createUser("council_officer", { laCode: "202" });
    expect((await call(colleaguesAction, await requestAs(officer, "/provider/colleagues", { form: { intent: "remove", userId: other.id } }))).status).toBe(403);
  });
});

describe("a council's users' last sign-in", () => {
  it("is the latest completed sign-in in the audit log, and none for someone who never has", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const officer = await createUser("council_officer", { laCode: "202" });
    const never = await createUser("social_worker", { laCode: "202" });
    const elsewhere = await createUser("council_officer", { laCode: "383" });
    const audit = auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "t");
    // An older sign-in, then the latest; after it a correct password that reached only the
    // second-factor step and a wrong password, neither of them a sign-in.
    await audit(db, { action: "user.signed_in", subjectType: "user", subjectId: officer.id });
    const before = await listLaUsers(laScope(sessionUserOf(admin, "local_authority")));
    expect(before.find((u) => u.id === never.id)!.lastSignedInAt).toBeNull();
    expect(before.find((u) => u.id === elsewhere.id)).toBeUndefined();

    const result = await signIn({ email: officer.email, password: TEST_PASSWORD, ip: "192.0.2.1", requestId: "r1" });
    expect(result.ok).toBe(true);
    const signedInAt = (await db.select().from(auditEvents).where(eq(auditEvents.subjectId, officer.id))).find((e) => e.action === "user.signed_in" && e.requestId === "r1")!.occurredAt;
    await audit(db, { action: "user.signed_in", subjectType: "user", subjectId: officer.id, details: { secondFactor: "challenge" } });
    await signIn({ email: officer.email, password: "wrong password entirely", ip: "192.0.2.1", requestId: "r2" });

    const page = await call(usersLoader, await requestAs(admin, "/admin/users"));
    const rows = page.data.users as { id: string; lastSignedIn: string }[];
    expect(rows.find((u) => u.id === never.id)!.lastSignedIn).toBe("Never signed in");
    const officerRow = (await listLaUsers(laScope(sessionUserOf(admin, "local_authority")))).find((u) => u.id === officer.id)!;
    expect(officerRow.lastSignedInAt!.getTime()).toBe(signedInAt.getTime());
    expect(rows.find((u) => u.id === officer.id)!.lastSignedIn).toMatch(/^\d{1,2} \w+ \d{4} at \d{2}:\d{2}$/);
  });
});
