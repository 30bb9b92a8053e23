import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { appBrowserAndEmailsForFile } from "../support/e2e-app";
import { CheckedPage } from "../support/browser";
import { fillDate, hydrated } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

// Issue 17 item 3 as people go through it: the demo school admin tells Camden a pupil is leaving
// its roll, with JavaScript on (a pupil on a child protection plan: the school is told to wait for
// the council's consent, and the request reaches the social worker) and off (a pupil the register
// does not have, leaving for home education: the council's officer makes an entry from it). Axe
// runs on every page.

const env = appBrowserAndEmailsForFile();

async function fillReturn(p: Page, pupil: { firstName: string; lastName: string; dateOfBirth: string; postcode: string }) {
  await p.getByLabel("First name").fill(pupil.firstName);
  await p.getByLabel("Last name").fill(pupil.lastName);
  await fillDate(p, "Date of birth", pupil.dateOfBirth);
  await p.getByLabel("Address line 1").first().fill("4 Mansfield Road");
  await p.getByLabel("Town or city").first().fill("London");
  await p.getByLabel("Postcode").first().fill(pupil.postcode);
  await p.locator("main").getByLabel("Full name").fill("Sam Parent");
  await p.getByRole("group", { name: "Relationship to the pupil" }).getByLabel("Mother").check();
  await p.getByRole("group", { name: "Does the parent live at the pupil's address?" }).getByLabel("Yes").check();
  await p.getByLabel("Emergency telephone number").fill("020 7946 0001");
  await p.getByLabel(/^F: The parent of a pupil has notified the school in writing/).check();
  await fillDate(p, "Date of the parent's written notice", "2026-11-23");
}

describe("deletion returns", () => {
  it("the demo school sends returns with JavaScript on and off; the council consents or makes an entry; the school sees what happened", async () => {
    // JavaScript on: Jaden Rivers, on the register with a child protection plan the school does not tick.
    const head = await signedInPage(env.browser(), env.app().baseUrl, "head@gospeloakfields.school.example");
    const h = head.page;
    await h.clickAndCheck(h.page.locator("main").getByRole("link", { name: "Returns to the council" }));
    await h.clickAndCheck(h.page.getByRole("button", { name: "Tell the council a pupil is leaving your roll" }));
    await hydrated(h.page);
    await h.clickAndCheck(h.page.getByRole("button", { name: "Send the return to the council" }));
    await expect(h.page.title()).resolves.toMatch(/^Error: /);
    await expect(h.page.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter the pupil's first name");
    await fillReturn(h.page, { firstName: "Jaden", lastName: "Rivers", dateOfBirth: "2013-05-14", postcode: "NW3 2AB" });
    await h.clickAndCheck(h.page.getByRole("button", { name: "Send the return to the council" }));
    await expect(h.page.locator(".govuk-notification-banner").innerText()).resolves.toContain("Do not delete the pupil from your admission register yet");
    await expect(h.page.locator("main table").innerText()).resolves.toContain("Do not delete: waiting for the council's consent");
    h.assertAllChecked();

    const worker = await signedInPage(env.browser(), env.app().baseUrl, "social.worker@camden.example");
    await worker.page.goto("/consent-requests");
    await expect(worker.page.page.locator("main").innerText()).resolves.toContain("Jaden Rivers");

    // JavaScript off: a pupil the register does not have, leaving for home education.
    const noJsContext = await env.browser().newContext({ baseURL: env.app().baseUrl, javaScriptEnabled: false });
    await noJsContext.addCookies(await head.context.cookies());
    const noJs = new CheckedPage(await noJsContext.newPage(), await (await env.browser().newContext({ baseURL: env.app().baseUrl })).newPage());
    const p = noJs.page;
    await noJs.goto("/school/returns/new");
    await fillReturn(p, { firstName: "Maya", lastName: "Okonkwo-Reid", dateOfBirth: "2014-02-09", postcode: "NW5 1TL" });
    await p.getByRole("group", { name: "Does the parent live at the pupil's address?" }).getByLabel("No").check();
    await noJs.clickAndCheck(p.getByRole("button", { name: "Send the return to the council" }));
    await expect(p.title()).resolves.toMatch(/^Error: /);
    await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter the first line of the parent's address");
    await p.getByRole("group", { name: "Does the parent live at the pupil's address?" }).getByLabel("Yes").check();
    await noJs.clickAndCheck(p.getByRole("button", { name: "Send the return to the council" }));
    await expect(p.locator(".govuk-notification-banner").innerText()).resolves.toContain("Return sent to the council");
    await expect(p.locator("main table").innerText()).resolves.toContain("With the council");
    noJs.assertAllChecked();

    // The officer turns it into an entry.
    const officer = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const o = officer.page;
    await o.goto("/council-queue?kind=deletion_return");
    await o.clickAndCheck(o.page.locator("main table").getByRole("link", { name: "School deletion return" }).first());
    await expect(o.page.locator("h1").innerText()).resolves.toBe("Gospel Oak Fields Primary School says Maya Okonkwo-Reid is leaving its roll");
    await hydrated(o.page);
    await o.page.getByLabel("Add the child to our register from this return").check();
    await o.page.getByRole("group", { name: "Does the parent have parental responsibility?" }).getByLabel("Yes").check();
    await o.page.getByRole("group", { name: "Special educational needs" }).getByLabel("No special educational needs").check();
    await o.page.getByRole("group", { name: "Social care status" }).getByLabel("None").check();
    await o.page.getByRole("group", { name: "Is the child at risk of harm from their home environment?" }).getByLabel("No").check();
    await o.clickAndCheck(o.page.getByRole("button", { name: "Continue" }));
    await expect(o.page.locator("h1").innerText()).resolves.toContain("Maya Okonkwo-Reid");
    await expect(o.page.locator("main").innerText()).resolves.toContain("Elective home education");
    o.assertAllChecked();

    await noJs.goto("/school/returns");
    await expect(p.locator("main table").innerText()).resolves.toContain("The council added the child to its register");
  });
});
