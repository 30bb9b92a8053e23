import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appBrowserAndEmailsForFile } from "../support/e2e-app";
import { CheckedPage } from "../support/browser";
import { hydrated } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";
import { giasExtract } from "../support/gias";

// Issue 17 items 1 and 2, as people go through them: the service admin loads GIAS's extract, a
// council admin invites a school's staff, the school's admin adds a colleague, and a school user
// sees their school and not the register. JavaScript on and off, axe on every page.

const env = appBrowserAndEmailsForFile();
const emails = env.emails;

async function tab(javaScript: boolean): Promise<CheckedPage> {
  const context = await env.browser().newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: javaScript });
  if (javaScript) return new CheckedPage(await context.newPage());
  const axeTab = await env.browser().newContext({ baseURL: env.app().baseUrl });
  return new CheckedPage(await context.newPage(), await axeTab.newPage());
}

/** The demo extract with one more Camden school, in Windows-1252 as DfE sends it. */
function extractWithNewSchool(): Buffer {
  const demo = readFileSync(path.resolve(import.meta.dirname, "../../db/reference/demo-gias-schools.csv"));
  const extra = giasExtract([{ URN: "990106", "LA (code)": "202", "LA (name)": "Camden", EstablishmentName: "St Anne’s Catholic Primary School", Street: "1 Ferdinand Street", Postcode: "NW1 8EU" }]);
  return Buffer.concat([demo, extra.subarray(extra.indexOf("\r\n") + 2)]);
}

describe("schools in the service", () => {
  it("the service admin loads the extract (and is told plainly when a file is not one); a council admin invites the school's staff", async () => {
    const admin = await signedInPage(env.browser(), env.app().baseUrl, "service.admin@service.example");
    const a = admin.page.page;
    await admin.page.goto("/service-admin/schools");
    await expect(a.locator("main").innerText()).resolves.toContain("The service knows 9 schools, 8 of them open.");
    await a.getByLabel("Establishment extract (CSV)").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("name,email\r\nAda,ada@example.com\r\n") });
    await admin.page.clickAndCheck(a.getByRole("button", { name: "Load schools" }));
    await expect(a.title()).resolves.toMatch(/^Error: /);
    await expect(a.locator(".govuk-error-summary").innerText()).resolves.toContain("not a Get Information About Schools establishment extract");
    await a.getByLabel("Establishment extract (CSV)").setInputFiles({ name: "edubasealldata20261201.csv", mimeType: "text/csv", buffer: extractWithNewSchool() });
    await admin.page.clickAndCheck(a.getByRole("button", { name: "Load schools" }));
    const banner = await a.locator(".govuk-notification-banner").innerText();
    expect(banner).toMatch(/Added\s+1/);
    expect(banner).toMatch(/Unchanged\s+9/);
    admin.page.assertAllChecked();

    // The council admin, without JavaScript, finds the new school and invites its head.
    const council = await signedInPage(env.browser(), env.app().baseUrl, "admin@camden.example");
    const noJs = await tab(false);
    await noJs.page.context().addCookies(await council.context.cookies());
    const p = noJs.page;
    await noJs.goto("/admin/schools");
    await p.getByLabel("School name, URN or postcode").fill("St Anne");
    await noJs.clickAndCheck(p.getByRole("button", { name: "Search" }));
    await expect(p.locator("main table").innerText()).resolves.not.toContain("Kirkstall");
    await noJs.clickAndCheck(p.getByRole("link", { name: "St Anne’s Catholic Primary School" }));
    await noJs.clickAndCheck(p.getByRole("button", { name: "Send invitation" }));
    await expect(p.title()).resolves.toMatch(/^Error: /);
    await p.getByLabel("Full name").fill("Anne Head");
    await p.getByLabel("Email address").fill("head@stannes.school.example");
    await p.getByLabel("School admin").check();
    await noJs.clickAndCheck(p.getByRole("button", { name: "Send invitation" }));
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("Invitation sent to head@stannes.school.example");
    await expect(p.locator("main").innerText()).resolves.toContain("Invitations not yet accepted");
    noJs.assertAllChecked();

    const invitee = await tab(false);
    await invitee.goto(await emails.linkSentTo("head@stannes.school.example", "invitation"));
    await invitee.page.getByLabel("Password", { exact: true }).fill("thistle pebble orbit 51");
    await invitee.page.getByLabel("Confirm password").fill("thistle pebble orbit 51");
    await invitee.clickAndCheck(invitee.page.getByRole("button", { name: "Save password and sign in" }));
    await expect(invitee.page.locator("h1").innerText()).resolves.toBe("Your school and its people in the service");
    await invitee.clickAndCheck(invitee.page.locator("main").getByRole("link", { name: "Your school" }));
    await expect(invitee.page.locator("main").innerText()).resolves.toContain("1 Ferdinand Street");
    invitee.assertAllChecked();
  });

  it("a demo school admin adds a colleague with JavaScript on, and a school user cannot open the register", async () => {
    const head = await signedInPage(env.browser(), env.app().baseUrl, "head@gospeloakfields.school.example");
    const h = head.page.page;
    await expect(h.locator("h1").innerText()).resolves.toBe("Your school and its people in the service");
    await head.page.clickAndCheck(h.locator("main").getByRole("link", { name: "Your school" }));
    await expect(h.locator("main").innerText()).resolves.toContain("Gospel Oak Fields Primary School");
    await expect(h.locator("main").innerText()).resolves.toContain("Camden");
    await head.page.clickAndCheck(h.getByRole("link", { name: "Add a colleague" }));
    await hydrated(h);
    await head.page.clickAndCheck(h.getByRole("button", { name: "Send invitation" }));
    await expect(h.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter their full name");
    await h.getByLabel("Full name").fill("Ravi Teacher");
    await h.getByLabel("Email address").fill("ravi@gospeloakfields.school.example");
    await h.getByLabel("School staff").check();
    await head.page.clickAndCheck(h.getByRole("button", { name: "Send invitation" }));
    await expect(h.locator(".govuk-notification-banner").innerText()).resolves.toContain("Invitation sent to ravi@gospeloakfields.school.example");
    await expect(emails.linkSentTo("ravi@gospeloakfields.school.example", "invitation")).resolves.toMatch(/^\/invitation\//);
    head.page.assertAllChecked();

    const staff = await signedInPage(env.browser(), env.app().baseUrl, "office@bronte-moor.school.example");
    await expect(staff.page.page.locator("h1").innerText()).resolves.toBe("Your school in the service");
    await expect(staff.page.page.locator("main").innerText()).resolves.not.toContain("Colleagues");
    const register = await staff.page.page.goto("/register");
    expect(register?.status()).toBe(403);
    await staff.page.goto("/school");
    await expect(staff.page.page.locator("main").innerText()).resolves.toContain("Brontë Moor High School");
  });
});
