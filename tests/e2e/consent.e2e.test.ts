import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, londonDate } from "#app/domain/dates";
import { appAndBrowserForFile } from "../support/e2e-app";
import { signedInPage } from "../support/e2e-session";

const env = appAndBrowserForFile();
const [reviewYear, reviewMonth, reviewDay] = addDays(londonDate(new Date()), 365).split("-");

async function fillNotice(o: Page) {
  await o.getByLabel("A parent's notice").check();
  await o.getByLabel("Day").fill("16");
  await o.getByLabel("Month").fill("11");
  await o.getByLabel("Year").fill("2026");
  await o.getByLabel("What the notice says").fill("Letter from the parent dated 16 November 2026.");
}

/** The page's first heading is its h1 (issue 21: the heading came after three h2 sections). */
async function firstHeading(p: Page) {
  return p.locator("main h1, main h2").first().evaluate((h) => h.tagName);
}

describe("a condition A child with no social worker (JavaScript on)", () => {
  const javaScriptEnabled = true;
  it("a condition A child with no social worker: the council's decision-maker decides, after checking their answers", { timeout: 400_000 }, async () => {
    const officer = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example", { javaScriptEnabled });
    const o = officer.page.page;
    // Ibrahim Okafor (demo data) is at a special school the council arranged and has no social worker.
    await officer.page.goto("/register?q=Okafor");
    await officer.page.clickAndCheck(o.getByRole("link", { name: "Okafor, Ibrahim" }));
    const childUrl = o.url();
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Record an intention to home educate" }));
    await expect(o.locator("main").innerText()).resolves.toContain("decided by its designated decision-maker");
    await fillNotice(o);
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Send for a decision" }));
    await expect(o.locator(".govuk-notification-banner").innerText()).resolves.toContain("sent for a decision");
    officer.page.assertAllChecked();

    const maker = await signedInPage(env.browser(), env.app().baseUrl, "decisions@camden.example", { javaScriptEnabled });
    const m = maker.page.page;
    await maker.page.goto("/home");
    const due = m.locator("section", { has: m.locator("h2", { hasText: "Home-education consent decisions for the council" }) });
    await expect(due.innerText()).resolves.toMatch(/Ibrahim Okafor[\s\S]*\d{1,2} \w+ \d{4}/);
    await maker.page.clickAndCheck(due.getByRole("link", { name: /Ibrahim Okafor/ }));
    await expect(firstHeading(m)).resolves.toBe("H1");
    await expect(m.locator("main").innerText()).resolves.toMatch(/Decide by \d{1,2} \w+ \d{4}/);
    await expect(m.locator("main").innerText()).resolves.toContain("The child has no allocated social worker");

    // Every error at once, each for its own answer.
    await m.getByLabel("Yes, the council consents").check();
    await maker.page.clickAndCheck(m.getByRole("button", { name: "Continue" }));
    const summary = await m.locator(".govuk-error-summary").innerText();
    expect(summary).toContain("Enter the review date");
    expect(summary).toContain("Enter why the decision is in the child's best interests");
    await m.getByLabel("Day").fill(String(Number(reviewDay)));
    await m.getByLabel("Month").fill(String(Number(reviewMonth)));
    await m.getByLabel("Year").fill(reviewYear!);
    await m.getByLabel("Why is your decision in the child's best interests?").fill("The parent's plan meets the child's needs, and the SEN team agrees.");
    await m.getByLabel("The SEN team's view (optional)").fill("Supports the plan.");
    await maker.page.clickAndCheck(m.getByRole("button", { name: "Continue" }));

    // The check-your-answers step: nothing is recorded until "Record decision".
    await expect(m.locator("h1").innerText()).resolves.toBe("Check your decision on home education for Ibrahim Okafor");
    await expect(m.locator(".govuk-summary-list").innerText()).resolves.toContain("Supports the plan.");
    await maker.page.clickAndCheck(m.getByRole("button", { name: "Change your answers" }));
    await expect(m.getByLabel("The SEN team's view (optional)").inputValue()).resolves.toBe("Supports the plan.");
    await maker.page.clickAndCheck(m.getByRole("button", { name: "Continue" }));
    await maker.page.clickAndCheck(m.getByRole("button", { name: "Record decision" }));
    await expect(m.locator(".govuk-notification-banner").innerText()).resolves.toContain("You agreed to home education");
    await expect(m.locator("main").innerText()).resolves.toContain("The parent's plan meets the child's needs");
    maker.page.assertAllChecked();

    await officer.page.goto(childUrl);
    const educationCard = o.locator(".govuk-summary-card", { has: o.locator("h2", { hasText: /^Education$/ }) });
    await expect(educationCard.innerText()).resolves.toContain("Elective home education");
    await expect(o.locator(".app-timeline").innerText()).resolves.toContain("The council's decision-maker consented to home education");
    officer.page.assertAllChecked();
    await officer.context.close();
    await maker.context.close();
  });
});

describe("a child both rules cover (the social worker and the decision-maker with JavaScript off)", () => {
  it("needs the social worker's agreement and the council's consent; the decision-maker reads the social worker's view", { timeout: 400_000 }, async () => {
    const officer = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const o = officer.page.page;
    // Jaden Rivers (demo data): a child protection plan, at risk at home, with the demo social worker.
    await officer.page.goto("/register?q=Rivers");
    await officer.page.clickAndCheck(o.getByRole("link", { name: "Rivers, Jaden" }));
    const childUrl = o.url();
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Record an intention to home educate" }));
    await expect(o.locator(".govuk-inset-text").first().innerText()).resolves.toContain("Statutory consent");
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Send for a decision" }));
    await expect(o.locator(".govuk-error-summary").innerText()).resolves.toContain("Select how the council learned of the intention to home educate");
    await fillNotice(o);
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Send for a decision" }));
    officer.page.assertAllChecked();

    const worker = await signedInPage(env.browser(), env.app().baseUrl, "social.worker@camden.example", { javaScriptEnabled: false });
    const w = worker.page.page;
    await worker.page.goto("/consent-requests");
    const rows = w.locator("tbody tr", { hasText: "Jaden Rivers" });
    await worker.page.clickAndCheck(rows.filter({ hasText: "Council's decision-maker" }).getByRole("link"));
    await w.getByLabel("Your view on whether home education is in the child's best interests").fill("Home would cut Jaden off from the adults who keep him safe.");
    await worker.page.clickAndCheck(w.getByRole("button", { name: "Give your view" }));
    await expect(w.locator(".govuk-notification-banner").innerText()).resolves.toContain("Your view has been given");
    await worker.page.goto("/consent-requests");
    await worker.page.clickAndCheck(w.locator("tbody tr", { hasText: "Jaden Rivers" }).filter({ hasText: "Social worker" }).first().getByRole("link"));
    await w.getByLabel("Yes, in exceptional circumstances").check();
    await w.getByLabel("Statement of the exceptional circumstances").fill("The family has moved; a safety plan is in place.");
    await w.getByLabel("Why is your decision in the child's best interests?").fill("The move removed the risk.");
    await worker.page.clickAndCheck(w.getByRole("button", { name: "Continue" }));
    await worker.page.clickAndCheck(w.getByRole("button", { name: "Record decision" }));
    await expect(w.locator(".govuk-notification-banner").innerText()).resolves.toContain("You agreed to home education");
    worker.page.assertAllChecked();

    // Only the social worker has agreed: the child is not home educated yet.
    await officer.page.goto(childUrl);
    await expect(o.locator(".app-timeline").innerText()).resolves.toContain("home education waits for the other decision");

    const maker = await signedInPage(env.browser(), env.app().baseUrl, "decisions@camden.example", { javaScriptEnabled: false });
    const m = maker.page.page;
    await maker.page.goto("/home");
    await maker.page.clickAndCheck(m.getByRole("link", { name: /Jaden Rivers/ }));
    await expect(m.locator(".govuk-summary-card", { hasText: "The social worker's view" }).innerText()).resolves.toContain("cut Jaden off from the adults");
    await m.getByLabel("No", { exact: true }).check();
    await m.getByLabel("Reasons for refusing").fill("The risk at home outweighs the plan.");
    await m.getByLabel("The child stays on the school's roll and keeps attending").check();
    await m.getByLabel("Why is your decision in the child's best interests?").fill("School keeps Jaden seen every day.");
    await maker.page.clickAndCheck(m.getByRole("button", { name: "Continue" }));
    await maker.page.clickAndCheck(m.getByRole("button", { name: "Record decision" }));
    await expect(m.locator(".govuk-notification-banner").innerText()).resolves.toContain("You refused home education");
    maker.page.assertAllChecked();

    await officer.page.goto(childUrl);
    const educationCard = o.locator(".govuk-summary-card", { has: o.locator("h2", { hasText: /^Education$/ }) });
    await expect(educationCard.innerText()).resolves.not.toContain("Elective home education");
    officer.page.assertAllChecked();
    await officer.context.close();
    await worker.context.close();
    await maker.context.close();
  });
});
