import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appBrowserAndEmailsForFile } from "../support/e2e-app";
import { CheckedPage } from "../support/browser";
import { fillDate, hydrated } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

// Issue 17 item 4 as people go through it (decision 076): Leeds records that Amelia Clarke (demo
// data) left with destination unknown; the demo Camden school tells Camden she joined its roll
// (JavaScript on) and Camden's officer confirms she is the child Leeds lost: Leeds' entry is closed
// as returned to school and Leeds is told. With JavaScript off, the school sends a new pupil return
// for Noah Bennett, missing education on Camden's register, and the officer closes his entry. Axe
// runs on every page.

const env = appBrowserAndEmailsForFile();

async function fillNewPupil(p: Page, pupil: { firstName: string; lastName: string; dateOfBirth: string; postcode: string }) {
  await p.getByLabel("First name").fill(pupil.firstName);
  await p.getByLabel("Last name").fill(pupil.lastName);
  await fillDate(p, "Date of birth", pupil.dateOfBirth);
  await p.getByLabel("Address line 1").fill("9 Lismore Circus");
  await p.getByLabel("Town or city").fill("London");
  await p.getByLabel("Postcode").fill(pupil.postcode);
  await fillDate(p, "The day the pupil joined your roll", "2026-11-23");
}

describe("new pupil returns", () => {
  it("close a destination-unknown entry on another council's register (JavaScript on) and a missing-education entry (JavaScript off)", async () => {
    // Leeds: Amelia Clarke left, destination unknown.
    const leeds = await signedInPage(env.browser(), env.app().baseUrl, "officer@leeds.example");
    const l = leeds.page;
    await l.goto("/register?q=Clarke");
    await l.clickAndCheck(l.page.getByRole("link", { name: "Clarke, Amelia" }));
    const leedsEntry = new URL(l.page.url()).pathname;
    await l.clickAndCheck(l.page.getByRole("button", { name: "Record that the child has left" }));
    await hydrated(l.page);
    await fillDate(l.page, "Date the child left", "2026-11-20");
    await l.page.getByRole("group", { name: "Why did the child leave the register?" }).getByLabel("Moved out of the area").check();
    await l.page.getByRole("group", { name: "Where did the child move to?" }).getByLabel("Not known").check();
    await l.clickAndCheck(l.page.getByRole("button", { name: "Record that the child has left" }));
    await expect(l.page.locator("main").innerText()).resolves.toContain("destination: not known");

    // The school, JavaScript on.
    const head = await signedInPage(env.browser(), env.app().baseUrl, "head@gospeloakfields.school.example");
    const h = head.page;
    await h.clickAndCheck(h.page.locator("main").getByRole("link", { name: "Returns to the council" }));
    await h.clickAndCheck(h.page.getByRole("button", { name: "Tell the council a pupil has joined your roll" }));
    await hydrated(h.page);
    await h.clickAndCheck(h.page.getByRole("button", { name: "Send the return to the council" }));
    await expect(h.page.title()).resolves.toMatch(/^Error: /);
    await expect(h.page.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter the pupil's first name");
    await fillNewPupil(h.page, { firstName: "Amelia", lastName: "Clarke", dateOfBirth: "2015-09-02", postcode: "NW5 2QE" });
    await h.clickAndCheck(h.page.getByRole("button", { name: "Send the return to the council" }));
    await expect(h.page.locator(".govuk-notification-banner").innerText()).resolves.toContain("Return sent to the council");
    await expect(h.page.locator("main table").innerText()).resolves.toContain("With the council");
    h.assertAllChecked();

    // Camden's officer confirms it is the child Leeds lost.
    const officer = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const o = officer.page;
    await o.goto("/council-queue?kind=new_pupil_return");
    await o.clickAndCheck(o.page.locator("main table").getByRole("link", { name: "School new pupil return that may be a child you know" }).first());
    await expect(o.page.locator("h1").innerText()).resolves.toBe("Gospel Oak Fields Primary School says Amelia Clarke has joined its roll");
    await expect(o.page.locator("main").innerText()).resolves.toContain("May be a child who left Leeds's register");
    await hydrated(o.page);
    await o.page.getByLabel(/^The pupil is the child who left the other council's register/).check();
    await o.clickAndCheck(o.page.getByRole("button", { name: "Continue" }));
    await expect(o.page.locator("h1").innerText()).resolves.toBe("Items to decide");

    // Leeds sees the entry closed, and was told.
    await l.goto(leedsEntry);
    await expect(l.page.locator("main").innerText()).resolves.toContain("Returned to school: on the roll of Gospel Oak Fields Primary School");
    await l.goto("/inbox");
    await expect(l.page.locator("main").innerText()).resolves.toContain("A child who left your register is back in school");
    l.assertAllChecked();

    // JavaScript off: Noah Bennett, missing education on Camden's register, joins the school.
    const noJsContext = await env.browser().newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: false });
    await noJsContext.addCookies(await head.context.cookies());
    const noJs = new CheckedPage(await noJsContext.newPage(), await (await env.browser().newContext({ baseURL: env.app().baseUrl })).newPage());
    const p = noJs.page;
    await noJs.goto("/school/returns/new-pupil");
    await fillNewPupil(p, { firstName: "Noah", lastName: "Bennett", dateOfBirth: "2012-01-20", postcode: "NW5 2HX" });
    await fillDate(p, "The day the pupil joined your roll", "2000-01-01");
    await noJs.clickAndCheck(p.getByRole("button", { name: "Send the return to the council" }));
    await expect(p.title()).resolves.toMatch(/^Error: /);
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("after their date of birth");
    await fillDate(p, "The day the pupil joined your roll", "2026-11-23");
    await noJs.clickAndCheck(p.getByRole("button", { name: "Send the return to the council" }));
    await expect(p.locator("main table").innerText()).resolves.toContain("With the council");

    const officerNoJsContext = await env.browser().newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: false });
    await officerNoJsContext.addCookies(await officer.context.cookies());
    const oNoJs = new CheckedPage(await officerNoJsContext.newPage(), await (await env.browser().newContext({ baseURL: env.app().baseUrl })).newPage());
    const q = oNoJs.page;
    await oNoJs.goto("/council-queue?kind=new_pupil_return");
    await oNoJs.clickAndCheck(q.locator("main table").getByRole("link", { name: "School new pupil return that may be a child you know" }).first());
    await expect(q.locator("h1").innerText()).resolves.toBe("Gospel Oak Fields Primary School says Noah Bennett has joined its roll");
    await q.getByLabel(/^The pupil is a child on our register/).check();
    await q.getByRole("group", { name: "Which entry?" }).getByLabel(/^Noah Bennett, born 20 January 2012/).check();
    await oNoJs.clickAndCheck(q.getByRole("button", { name: "Continue" }));
    await expect(q.locator("h1").innerText()).resolves.toBe("Noah Bennett");
    await expect(q.locator("main").innerText()).resolves.toContain("Returned to school: on the roll of Gospel Oak Fields Primary School");
    oNoJs.assertAllChecked();

    await noJs.goto("/school/returns");
    await expect(p.locator("main table").innerText()).resolves.toContain("The council recorded the child as back in school");
    // The school's other new pages, checked by axe too.
    await noJs.goto("/school/returns/never-attending");
    await expect(p.locator("main").innerText()).resolves.toContain("none of their last 20 sessions");
    await noJs.goto("/school/api-tokens");
    await expect(p.locator("h1").innerText()).resolves.toBe("API tokens");
    noJs.assertAllChecked();
    const admin = await signedInPage(env.browser(), env.app().baseUrl, "admin@camden.example");
    await admin.page.goto("/admin/team-contact");
    await expect(admin.page.page.locator("main").innerText()).resolves.toContain("Sessions in a row with no attendance");
    admin.page.assertAllChecked();
    o.assertAllChecked();
  });
});
