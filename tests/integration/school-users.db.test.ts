import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as schoolPageLoader } from "#app/routes/admin.schools.$urn";
import { action as schoolAction } from "#app/routes/admin.schools.$urn";
import { loader as schoolsLoader } from "#app/routes/admin.schools._index";
import { loader as homeLoader } from "#app/routes/home";
import { action as invitationAction } from "#app/routes/invitation.$token";
import { loader as placementsLoader } from "#app/routes/placements._index";
import { loader as childLoader } from "#app/routes/register.$childId._index";
import { loader as registerLoader } from "#app/routes/register._index";
import { loader as consentLoader } from "#app/routes/consent-requests._index";
import { loader as providerPlacementsLoader } from "#app/routes/provider.placements";
import { loader as usersLoader } from "#app/routes/admin.users._index";
import { action as colleaguesAction, loader as colleaguesLoader } from "#app/routes/school.colleagues";
import { loader as ownSchoolLoader } from "#app/routes/school._index";
import { signIn } from "#app/utils/auth.server";
import { validateSessionToken } from "#app/utils/session.server";
import { db } from "#db/client";
import { auditEvents, invitations, users } from "#db/schema/index";
import { captureEmails } from "../support/emails";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { childOn } from "../support/placements";
import { createSchools, type TestSchool } from "../support/schools";

const emails = captureEmails();
let camdenSchool: TestSchool, otherCamdenSchool: TestSchool, closedCamdenSchool: TestSchool, leedsSchool: TestSchool;
let camdenAdmin: TestUser, leedsAdmin: TestUser;

beforeAll(async () => {
  [camdenSchool, otherCamdenSchool, closedCamdenSchool, leedsSchool] = await createSchools([
    { "LA (code)": "202", EstablishmentName: "St Mary’s Primary School" },
    { "LA (code)": "202", EstablishmentName: "Other Camden School" },
    { "LA (code)": "202", EstablishmentName: "Closed Camden School", "EstablishmentStatus (code)": "2", "EstablishmentStatus (name)": "Closed" },
    { "LA (code)": "383", EstablishmentName: "Leeds High School" },
  ]) as [TestSchool, TestSchool, TestSchool, TestSchool];
  camdenAdmin = await createUser("council_admin", { laCode: "202" });
  leedsAdmin = await createUser("council_admin", { laCode: "383" });
});

async function accept(email: string, password = "saffron tugboat lantern") {
  const token = emails.tokenSentTo(email, "invitation")!;
  expect(token, `invitation emailed to ${email}`).toBeTruthy();
  const accepted = await call(invitationAction, await requestAs(null, `/invitation/${token}`, { form: { password, confirmPassword: password } }), { token });
  expect(accepted.status).toBe(302);
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user!;
}

const asTestUser = (u: { id: string; email: string; role: TestUser["role"]; organisationId: string }) => ({ id: u.id, email: u.email, role: u.role, organisationId: u.organisationId }) as TestUser;

describe("a council admin invites staff of the schools in its area", () => {
  it("lists only its area's open schools, and invites a school admin whose link makes an account of that school", async () => {
    const listed = await call(schoolsLoader, await requestAs(camdenAdmin, "/admin/schools"));
    const urns = listed.data.rows.map((r: { urn: string }) => r.urn);
    expect(urns).toEqual(expect.arrayContaining([camdenSchool.urn, otherCamdenSchool.urn]));
    expect(urns).not.toContain(closedCamdenSchool.urn);
    expect(urns).not.toContain(leedsSchool.urn);
    const withClosed = await call(schoolsLoader, await requestAs(camdenAdmin, "/admin/schools?closed=yes&q=closed camden"));
    expect(withClosed.data.rows.map((r: { urn: string }) => r.urn)).toEqual([closedCamdenSchool.urn]);

    const sent = await call(schoolAction, await requestAs(camdenAdmin, `/admin/schools/${camdenSchool.urn}`, { form: { intent: "invite", name: "Grace Obi", email: "Head@StMarys.school.example", role: "school_admin" } }), { urn: camdenSchool.urn });
    expect(sent.data.sentTo).toBe("head@stmarys.school.example");
    const head = await accept("head@stmarys.school.example");
    expect(head).toMatchObject({ role: "school_admin", organisationId: camdenSchool.organisationId });
    const signedIn = await signIn({ email: "head@stmarys.school.example", password: "saffron tugboat lantern", ip: "10.1.1.9", requestId: "r" });
    if (!signedIn.ok) throw new Error("could not sign in");
    expect((await validateSessionToken(signedIn.token))!.user).toMatchObject({ organisationKind: "school", organisationName: "St Mary’s Primary School" });
    // Each school's count of its own active users (a correlated subquery that once counted everyone's).
    const counted = (await call(schoolsLoader, await requestAs(camdenAdmin, "/admin/schools"))).data.rows as { urn: string; users: number }[];
    expect(counted.find((r) => r.urn === camdenSchool.urn)?.users).toBe(1);
    expect(counted.find((r) => r.urn === otherCamdenSchool.urn)?.users).toBe(0);
    const page = await call(schoolPageLoader, await requestAs(camdenAdmin, `/admin/schools/${camdenSchool.urn}`), { urn: camdenSchool.urn });
    expect(page.data.people).toEqual([expect.objectContaining({ name: "Grace Obi", role: "School admin", active: true })]);
    const [event] = await db.select().from(auditEvents).where(eq(auditEvents.action, "user.invited"));
    expect(event).toMatchObject({ actorOrganisationId: camdenAdmin.organisationId, details: { role: "school_admin" } });
  });

  it("does not find another council's school, invites nobody to a closed one, and gives only school roles", async () => {
    const form = { intent: "invite", name: "Ann Other", email: "ann@leeds-high.school.example", role: "school_staff" };
    expect((await call(schoolPageLoader, await requestAs(camdenAdmin, `/admin/schools/${leedsSchool.urn}`), { urn: leedsSchool.urn })).status).toBe(404);
    expect((await call(schoolAction, await requestAs(camdenAdmin, `/admin/schools/${leedsSchool.urn}`, { form }), { urn: leedsSchool.urn })).status).toBe(404);
    expect((await call(schoolAction, await requestAs(leedsAdmin, `/admin/schools/${camdenSchool.urn}`, { form }), { urn: camdenSchool.urn })).status).toBe(404);
    const closed = await call(schoolAction, await requestAs(camdenAdmin, `/admin/schools/${closedCamdenSchool.urn}`, { form }), { urn: closedCamdenSchool.urn });
    expect(closed.status).toBe(409);
    const officer = await call(schoolAction, await requestAs(camdenAdmin, `/admin/schools/${camdenSchool.urn}`, { form: { ...form, role: "council_officer" } }), { urn: camdenSchool.urn });
    expect(officer.data.errors.role).toBe("Select their role");
    expect(await db.select().from(invitations).where(eq(invitations.email, "ann@leeds-high.school.example"))).toHaveLength(0);
  });
});

describe("a school's own admin and staff", () => {
  it("lets the school's admin invite colleagues to their school only, and not staff", async () => {
    const schoolAdmin = await createUser("school_admin", { organisationId: otherCamdenSchool.organisationId });
    const sent = await call(colleaguesAction, await requestAs(schoolAdmin, "/school/colleagues", { form: { intent: "invite", name: "Tom Teacher", email: "tom@other.school.example", role: "school_staff" } }));
    expect(sent.data.sentTo).toBe("tom@other.school.example");
    const tom = await accept("tom@other.school.example");
    expect(tom).toMatchObject({ role: "school_staff", organisationId: otherCamdenSchool.organisationId });
    const staff = asTestUser(tom);
    expect((await call(colleaguesLoader, await requestAs(staff, "/school/colleagues"))).status).toBe(403);
    expect((await call(colleaguesAction, await requestAs(staff, "/school/colleagues", { form: { intent: "invite", name: "X", email: "x@other.school.example", role: "school_admin" } }))).status).toBe(403);

    // Another school's open invitation cannot be resent from here.
    const theirs = await createUser("school_admin", { organisationId: leedsSchool.organisationId });
    await call(colleaguesAction, await requestAs(theirs, "/school/colleagues", { form: { intent: "invite", name: "Lee", email: "lee@leeds-high.school.example", role: "school_staff" } }));
    const [leeds] = await db.select().from(invitations).where(eq(invitations.email, "lee@leeds-high.school.example"));
    expect((await call(colleaguesAction, await requestAs(schoolAdmin, "/school/colleagues", { form: { intent: "resend", invitationId: leeds!.id } }))).status).toBe(404);
    const listed = await call(colleaguesLoader, await requestAs(schoolAdmin, "/school/colleagues"));
    expect(listed.data.invited).toEqual([]);
  });

  it("shows a school user their own school and home, and never the register, placements or another organisation's pages", async () => {
    const staff = await createUser("school_staff", { organisationId: camdenSchool.organisationId });
    const own = await call(ownSchoolLoader, await requestAs(staff, "/school"));
    expect(own.data.school).toMatchObject({ urn: camdenSchool.urn, name: "St Mary’s Primary School", council: "Camden" });
    expect(own.data.canInvite).toBe(false);
    const home = await call(homeLoader, await requestAs(staff, "/home"));
    expect(home.data.home.links.map((l: { href: string }) => l.href)).toEqual(["/school", "/school/returns", "/directory"]);

    const child = await childOn("202", { firstName: "Never", lastName: "Shown" });
    for (const [loader, path, params] of [
      [registerLoader, "/register", {}],
      [childLoader, `/register/${child.id}`, { childId: child.id }],
      [placementsLoader, "/placements", {}],
      [consentLoader, "/consent-requests", {}],
      [providerPlacementsLoader, "/provider/placements", {}],
      [usersLoader, "/admin/users", {}],
      [schoolsLoader, "/admin/schools", {}],
    ] as const) {
      const outcome = await call(loader, await requestAs(staff, path), params);
      expect(outcome.status, path).toBe(403);
      expect(JSON.stringify(outcome.data ?? "")).not.toContain("Never");
    }
  });
});
