import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { action as newUserAction } from "#app/routes/admin.users.new";
import { action as invitationAction, loader as invitationLoader } from "#app/routes/invitation.$token";
import { action as colleaguesAction } from "#app/routes/provider.colleagues";
import { action as signUpAction } from "#app/routes/provider.sign-up";
import { signIn } from "#app/utils/auth.server";
import { deliverEmails } from "#app/utils/notify.server";
import { db } from "#db/client";
import { emailOutbox, listings, users } from "#db/schema/index";
import { captureEmails } from "../support/emails";
import { call, createOrganisation, createUser, requestAs } from "../support/fixtures";

// Issue 12 item 5: inviting and signing up tell nobody whether an address has an account, and
// make no account until the owner of the address accepts (decision 016).

const emails = captureEmails();
const PASSWORD = "saffron tugboat lantern";
const usersWith = (email: string) => db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
/** An answer with the address and name taken out, to compare the answers for two addresses. */
const shape = (outcome: { status: number; data: unknown }, ...words: string[]) => {
  let text = JSON.stringify({ status: outcome.status, data: outcome.data });
  for (const word of words) text = text.split(word).join("X");
  return text;
};
const accept = async (token: string, form: Record<string, string> = { password: PASSWORD, confirmPassword: PASSWORD }) =>
  call(invitationAction, await requestAs(null, `/invitation/${token}`, { form }), { token });

describe("inviting someone", () => {
  it("a council admin gets the same answer for an address with an account as for one without, and no account is made", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    const leeds = await createUser("council_officer", { laCode: "383" }, { email: "taken.officer@leeds.example" });
    const taken = await call(newUserAction, await requestAs(admin, "/admin/users/new", { form: { name: "Pat Taken", email: leeds.email, role: "council_officer" } }));
    const fresh = await call(newUserAction, await requestAs(admin, "/admin/users/new", { form: { name: "Pat Fresh", email: "pat.fresh@camden.example", role: "council_officer" } }));
    expect(shape(taken, leeds.email, "Pat Taken")).toBe(shape(fresh, "pat.fresh@camden.example", "Pat Fresh"));
    expect(fresh.status).toBe(200);
    // No account until the invitee accepts, and the link is nowhere but in their inbox.
    expect(await usersWith("pat.fresh@camden.example")).toHaveLength(0);
    expect(JSON.stringify(fresh.data)).not.toMatch(/invitation\//);
    expect(emails.tokenSentTo("pat.fresh@camden.example", "invitation")).not.toBeNull();
    expect(emails.tokenSentTo(leeds.email, "invitation")).not.toBeNull();

    const token = emails.tokenSentTo("pat.fresh@camden.example", "invitation")!;
    expect((await call(invitationLoader, await requestAs(null, `/invitation/${token}`), { token })).data).toMatchObject({ state: "invitation", name: "Pat Fresh" });
    expect((await accept(token)).location).toBe("/home");
    expect(await usersWith("pat.fresh@camden.example")).toEqual([expect.objectContaining({ role: "council_officer", organisationId: admin.organisationId })]);
    expect((await signIn({ email: "pat.fresh@camden.example", password: PASSWORD, ip: "10.9.0.1", requestId: "r" })).ok).toBe(true);
    expect((await accept(token)).status).toBe(410);

    // The owner of the address with an account learns it from the link, and nothing changes.
    const takenToken = emails.tokenSentTo(leeds.email, "invitation")!;
    expect((await call(invitationLoader, await requestAs(null, `/invitation/${takenToken}`), { token: takenToken })).data).toEqual({ state: "account-exists" });
    await accept(takenToken);
    expect(await usersWith(leeds.email)).toEqual([expect.objectContaining({ id: leeds.id, organisationId: leeds.organisationId, role: "council_officer" })]);
  });

  it("a provider cannot claim a council officer's address: no account is made and only the address's owner gets the link", async () => {
    const provider = await createUser("provider", { organisationId: (await createOrganisation("provider")).id });
    const officerEmail = `future.officer.${Date.now()}@camden.example`;
    const added = await call(colleaguesAction, await requestAs(provider, "/provider/colleagues", { form: { name: "Future Officer", email: officerEmail } }));
    expect(added.status).toBe(200);
    expect(JSON.stringify(added.data)).not.toMatch(/invitation\//);
    expect(await usersWith(officerEmail)).toHaveLength(0);

    // Their council invites them too; they accept the council's, and the provider's then makes nothing.
    const admin = await createUser("council_admin", { laCode: "202" });
    const providerToken = emails.tokenSentTo(officerEmail, "invitation")!;
    await call(newUserAction, await requestAs(admin, "/admin/users/new", { form: { name: "Future Officer", email: officerEmail, role: "council_officer" } }));
    const councilToken = emails.tokenSentTo(officerEmail, "invitation")!;
    expect(councilToken).not.toBe(providerToken);
    expect((await accept(councilToken)).location).toBe("/home");
    await accept(providerToken);
    expect(await usersWith(officerEmail)).toEqual([expect.objectContaining({ role: "council_officer", organisationId: admin.organisationId })]);
  });

  it("a provider's answer is the same for an address with an account", async () => {
    const provider = await createUser("provider", { organisationId: (await createOrganisation("provider")).id });
    const officer = await createUser("council_officer", { laCode: "202" });
    const taken = await call(colleaguesAction, await requestAs(provider, "/provider/colleagues", { form: { name: "Sam", email: officer.email } }));
    const fresh = await call(colleaguesAction, await requestAs(provider, "/provider/colleagues", { form: { name: "Sam", email: "sam.new@provider.example" } }));
    expect(shape(taken, officer.email)).toBe(shape(fresh, "sam.new@provider.example"));
  });

  it("throttles invitations per inviter: 30 a day, then a clear refusal that sends nothing", async () => {
    const admin = await createUser("council_admin", { laCode: "202" });
    for (let i = 0; i < 30; i++) {
      const sent = await call(newUserAction, await requestAs(admin, "/admin/users/new", { form: { name: "Many", email: `many.${i}@camden.example`, role: "social_worker" } }));
      expect(sent.status, `invitation ${i + 1}`).toBe(200);
    }
    const refused = await call(newUserAction, await requestAs(admin, "/admin/users/new", { form: { name: "Many", email: "many.31@camden.example", role: "social_worker" } }));
    expect(refused.status).toBe(429);
    expect(refused.data.formError).toMatch(/too many invitations/);
    expect(emails.to("many.31@camden.example")).toHaveLength(0);
    // Another admin is not held up.
    const other = await createUser("council_admin", { laCode: "202" });
    expect((await call(newUserAction, await requestAs(other, "/admin/users/new", { form: { name: "Other", email: "other.1@camden.example", role: "social_worker" } }))).status).toBe(200);
  });

  it("resending an invitation sends a new link, and the old one stops working", async () => {
    const provider = await createUser("provider", { organisationId: (await createOrganisation("provider")).id });
    const email = `resend.${Date.now()}@provider.example`;
    await call(colleaguesAction, await requestAs(provider, "/provider/colleagues", { form: { name: "Re Send", email } }));
    const first = emails.tokenSentTo(email, "invitation")!;
    const { loader } = await import("#app/routes/provider.colleagues");
    const listed = await call(loader, await requestAs(provider, "/provider/colleagues"));
    expect(listed.data.invited).toEqual([expect.objectContaining({ name: "Re Send", email, expired: false })]);
    await call(colleaguesAction, await requestAs(provider, "/provider/colleagues", { form: { intent: "resend", invitationId: listed.data.invited[0].id } }));
    const second = emails.tokenSentTo(email, "invitation")!;
    expect(second).not.toBe(first);
    expect((await accept(first)).status).toBe(410);
    expect((await accept(second)).location).toBe("/home");
    expect(await usersWith(email)).toEqual([expect.objectContaining({ organisationId: provider.organisationId, role: "provider" })]);
  });
});

describe("provider sign-up", () => {
  const form = (email: string, organisationName = "Greenway Learning") => ({ organisationName, name: "Ada Green", email, password: PASSWORD, confirmPassword: PASSWORD });

  it("never says that an address is taken: the owner is emailed instead, and no second account is made", async () => {
    const officer = await createUser("council_officer", { laCode: "202" }, { name: "Olu Officer" });
    const taken = await call(signUpAction, await requestAs(null, "/provider/sign-up", { form: form(officer.email.toUpperCase()) }), {}, { clientIp: "192.0.2.50" });
    const fresh = await call(signUpAction, await requestAs(null, "/provider/sign-up", { form: form("ada.fresh@greenway.example") }), {}, { clientIp: "192.0.2.50" });
    expect(shape(taken, officer.email)).toBe(shape(fresh, "ada.fresh@greenway.example"));
    expect(taken.headers.get("Set-Cookie")).toBeNull();
    expect(await usersWith(officer.email)).toEqual([expect.objectContaining({ id: officer.id, role: "council_officer" })]);
    const notice = emails.to(officer.email);
    expect(notice).toEqual([expect.objectContaining({ subject: "Someone tried to create an account with your email address" })]);
    expect(notice[0]!.body).not.toMatch(/invitation\//);
  });

  it("makes the organisation and account only when the link emailed to the address is followed", async () => {
    const email = `ada.${Date.now()}@greenway.example`;
    const asked = await call(signUpAction, await requestAs(null, "/provider/sign-up", { form: form(email, "Greenway Confirmed") }), {}, { clientIp: "192.0.2.51" });
    expect(asked.data).toEqual({ checkEmail: email });
    expect(await usersWith(email)).toHaveLength(0);
    const token = emails.tokenSentTo(email, "invitation")!;
    expect((await call(invitationLoader, await requestAs(null, `/invitation/${token}`), { token })).data).toEqual({ state: "sign_up", name: "Ada Green", organisation: "Greenway Confirmed" });
    const confirmed = await accept(token, {});
    expect(confirmed.location).toBe("/provider");
    expect(confirmed.headers.get("Set-Cookie")).toMatch(/HttpOnly/);
    const [user] = await usersWith(email);
    expect(user).toMatchObject({ role: "provider", name: "Ada Green" });
    const [listing] = await db.select().from(listings).where(eq(listings.organisationId, user!.organisationId));
    expect(listing!.state).toBe("draft");
    expect((await signIn({ email, password: PASSWORD, ip: "10.9.0.2", requestId: "r" })).ok).toBe(true);
    expect((await accept(token, {})).status).toBe(410);
  });

  it("keeps no usable link in the outbox once the email is sent", async () => {
    const email = `outbox.${Date.now()}@greenway.example`;
    await call(signUpAction, await requestAs(null, "/provider/sign-up", { form: form(email, "Outbox Learning") }), {}, { clientIp: "192.0.2.52" });
    await deliverEmails();
    const rows = await db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, email));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sentAt).not.toBeNull();
    expect(rows[0]!.body).not.toMatch(/invitation\//);
  });
});
