import { describe, expect, it } from "vitest";
import { appAndBrowserForFile } from "../support/e2e-app";
import { signedInPage } from "../support/e2e-session";

const env = appAndBrowserForFile();

describe("home-education consent, from the officer to the social worker and back", () => {
  it("an officer raises it for a covered child, the social worker agrees, the officer sees home education", async () => {
    const officer = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const o = officer.page.page;
    // The demo register has a child on a child protection plan allocated to the demo social worker.
    await officer.page.goto("/register?q=Rivers");
    await officer.page.clickAndCheck(o.getByRole("link", { name: "Rivers, Jaden" }));
    const childUrl = o.url();
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Record an intention to home educate" }));
    await expect(o.locator(".govuk-inset-text").first().innerText()).resolves.toContain("Statutory consent");
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Send to the social worker" }));
    await expect(o.locator(".govuk-error-summary").innerText()).resolves.toContain("Select how the council learned of the intention to home educate");
    await o.getByLabel("A parent's notice").check();
    await o.getByLabel("Day").fill("16");
    await o.getByLabel("Month").fill("11");
    await o.getByLabel("Year").fill("2026");
    await o.getByLabel("What the notice says").fill("Letter from the parent dated 16 November 2026.");
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Send to the social worker" }));
    await expect(o.locator(".govuk-notification-banner").innerText()).resolves.toContain("sent to the child's social worker");
    officer.page.assertAllChecked();

    const worker = await signedInPage(env.browser(), env.app().baseUrl, "social.worker@camden.example");
    const w = worker.page.page;
    await expect(w.locator(".app-unread-count").innerText()).resolves.toBe("1");
    await worker.page.clickAndCheck(w.getByRole("link", { name: "Requests for you" }).first());
    await worker.page.clickAndCheck(w.getByRole("link", { name: /Jaden Rivers/ }));
    await w.getByLabel("Yes, in exceptional circumstances").check();
    await worker.page.clickAndCheck(w.getByRole("button", { name: "Record decision" }));
    await expect(w.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter a statement of the exceptional circumstances");
    await w.getByLabel("Statement of the exceptional circumstances").fill("The family has moved; the risk has been removed and a plan is in place.");
    await worker.page.clickAndCheck(w.getByRole("button", { name: "Record decision" }));
    await expect(w.locator(".govuk-notification-banner").innerText()).resolves.toContain("You agreed to home education");
    worker.page.assertAllChecked();

    await officer.page.goto(childUrl);
    const educationCard = o.locator(".govuk-summary-card", { has: o.locator("h2", { hasText: /^Education$/ }) });
    await expect(educationCard.innerText()).resolves.toContain("Elective home education");
    await expect(o.locator(".app-timeline").innerText()).resolves.toContain("Social worker agreed to home education");
    await expect(o.locator(".app-unread-count").innerText()).resolves.toBe("1");
    officer.page.assertAllChecked();
    await officer.context.close();
    await worker.context.close();
  });
});
