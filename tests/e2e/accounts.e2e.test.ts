import { describe, expect, it } from "vitest";
import { appBrowserAndEmailsForFile } from "../support/e2e-app";
import { CheckedPage } from "../support/browser";
import { hydrated } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

// Issue 21 item 2: the way back into an account, as a person goes through it, with JavaScript on
// and off, and axe on every page.

const env = appBrowserAndEmailsForFile();
const emails = env.emails;

async function tab(javaScript: boolean): Promise<CheckedPage> {
  const context = await env.browser().newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: javaScript });
  if (javaScript) return new CheckedPage(await context.newPage());
  const axeTab = await env.browser().newContext({ baseURL: env.app().baseUrl });
  return new CheckedPage(await context.newPage(), await axeTab.newPage());
}

async function askForLink(page: CheckedPage, email: string, javaScript: boolean) {
  const p = page.page;
  await page.goto("/sign-in");
  await page.clickAndCheck(p.getByRole("link", { name: "Forgotten your password?" }));
  if (javaScript) await hydrated(p);
  await expect(p.locator("h1").innerText()).resolves.toBe("Reset your password");
  // An address the form refuses first, then the real one.
  await p.getByLabel("Email address").fill("not an email");
  await page.clickAndCheck(p.getByRole("button", { name: "Send reset link" }));
  await expect(p.title()).resolves.toMatch(/^Error: /);
  await p.getByLabel("Email address").fill(email);
  await page.clickAndCheck(p.getByRole("button", { name: "Send reset link" }));
  await expect(p.locator("h1").innerText()).resolves.toBe("Check your email");
}

async function useLink(page: CheckedPage, link: string, password: string, javaScript: boolean) {
  const p = page.page;
  await page.goto(link);
  if (javaScript) await hydrated(p);
  await expect(p.locator("h1").innerText()).resolves.toMatch(/^Choose a new password, /);
  await p.getByLabel("New password", { exact: true }).fill(password);
  await p.getByLabel("Confirm new password").fill("something else entirely");
  await page.clickAndCheck(p.getByRole("button", { name: "Save password and sign in" }));
  await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("Passwords must match");
  await p.getByLabel("New password", { exact: true }).fill(password);
  await p.getByLabel("Confirm new password").fill(password);
  await page.clickAndCheck(p.getByRole("button", { name: "Save password and sign in" }));
  await expect(p.locator(".govuk-panel__title").innerText()).resolves.toBe("Password changed");
  // The link works once.
  await page.goto(link);
  await expect(p.locator("h1").innerText()).resolves.toBe("This link has expired");
}

describe("getting back into an account", () => {
  it("with JavaScript on and off: ask for a link, choose a new password, and the old sessions end", async () => {
    // The social worker is signed in elsewhere; the reset ends that session.
    const elsewhere = await signedInPage(env.browser(), env.app().baseUrl, "social.worker@camden.example");
    const withJs = await tab(true);
    const withoutJs = await tab(false);
    await askForLink(withJs, "social.worker@camden.example", true);
    await askForLink(withoutJs, "officer@leeds.example", false);
    // Someone without an account sees the very same page.
    const stranger = await tab(false);
    await askForLink(stranger, "nobody@nowhere.example", false);

    const [jsLink, noJsLink] = await Promise.all([emails.linkSentTo("social.worker@camden.example", "reset-password"), emails.linkSentTo("officer@leeds.example", "reset-password")]);
    await useLink(withJs, jsLink, "juniper harbour kettle 12", true);
    await useLink(withoutJs, noJsLink, "copper lantern meadow 34", false);
    expect(emails.all().filter((m) => m.to === "nobody@nowhere.example")).toEqual([]);

    await elsewhere.page.goto("/home");
    await expect(elsewhere.page.page.locator("h1").innerText()).resolves.toBe("Sign in");
    for (const page of [withJs, withoutJs, stranger, elsewhere.page]) page.assertAllChecked();
  });

  it("a council admin sends a reset link and changes a role; an invitation is emailed and accepted", async () => {
    const admin = await signedInPage(env.browser(), env.app().baseUrl, "admin@camden.example");
    const a = admin.page.page;
    await admin.page.goto("/admin/users");
    await admin.page.clickAndCheck(a.getByRole("link", { name: "Rita Byrne" }));
    await admin.page.clickAndCheck(a.getByRole("button", { name: "Send a password reset link" }));
    await expect(a.locator(".govuk-notification-banner").innerText()).resolves.toMatch(/We have emailed .* a link to choose a new password/);
    await admin.page.clickAndCheck(a.getByRole("link", { name: "Change role" }));
    await hydrated(a);
    await a.getByLabel("Council officer").check();
    await admin.page.clickAndCheck(a.getByRole("button", { name: "Save role" }));
    await expect(a.locator(".govuk-notification-banner").innerText()).resolves.toContain("Rita Byrne is now: Council officer");

    await admin.page.goto("/admin/users/new");
    await hydrated(a);
    await a.getByLabel("Full name").fill("Nadia Newstarter");
    await a.getByLabel("Email address").fill("nadia.newstarter@camden.example");
    await a.getByLabel("Council officer").check();
    await admin.page.clickAndCheck(a.getByRole("button", { name: "Send invitation" }));
    await expect(a.locator(".govuk-panel").innerText()).resolves.toContain("We have emailed nadia.newstarter@camden.example");
    await admin.page.goto("/admin/users");
    await expect(a.locator("#invitations").innerText()).resolves.toContain("Nadia Newstarter");

    const invitee = await tab(true);
    await invitee.goto(await emails.linkSentTo("nadia.newstarter@camden.example", "invitation"));
    await hydrated(invitee.page);
    await invitee.page.getByLabel("Password", { exact: true }).fill("nettle orchard cobalt 88");
    await invitee.page.getByLabel("Confirm password").fill("nettle orchard cobalt 88");
    await invitee.clickAndCheck(invitee.page.getByRole("button", { name: "Save password and sign in" }));
    await expect(invitee.page.url()).toMatch(/\/home$/);

    // The audit log says it in words, and filters.
    await admin.page.goto("/admin/audit");
    await a.getByLabel("What happened").selectOption({ label: "Sent a user a password reset link" });
    await admin.page.clickAndCheck(a.getByRole("button", { name: "Filter events" }));
    await expect(a.locator("table").innerText()).resolves.toContain("Alex Morgan sent a user a password reset link (Council admin)");
    await expect(a.locator("table").innerText()).resolves.toContain("Rita Byrne");
    await a.getByLabel("Day").first().fill("31");
    await a.getByLabel("Month").first().fill("2");
    await a.getByLabel("Year").first().fill("2026");
    await admin.page.clickAndCheck(a.getByRole("button", { name: "Filter events" }));
    await expect(a.locator(".govuk-error-summary").innerText()).resolves.toContain("must be a real date");
    admin.page.assertAllChecked();
    invitee.assertAllChecked();

    // An officer sees on a child's entry who has viewed or changed it.
    const officer = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    await officer.page.goto("/register");
    await officer.page.clickAndCheck(officer.page.page.locator("main table a.govuk-link").first());
    await expect(officer.page.page.locator("#audit-trail-heading").innerText()).resolves.toBe("Who has viewed or changed this entry");
    await expect(officer.page.page.locator("section[aria-labelledby=audit-trail-heading] table").innerText()).resolves.toContain("Olu Adeyemi viewed a child's entry");
    officer.page.assertAllChecked();
  });
});
