import { describe, expect, it } from "vitest";
import { londonDate } from "#app/domain/dates";
import type { CheckedPage } from "../support/browser";
import { appAndBrowserForFile } from "../support/e2e-app";
import { fillDate, hydrated } from "../support/e2e-forms";
import { signedInPage } from "../support/e2e-session";

// Issue 15's done-when: a child left as moved to Leeds appears in Leeds' incoming transfers and,
// once accepted, on Leeds' register with the same reference and both timelines; with JavaScript
// on and off, every page checked with axe.

const env = appAndBrowserForFile();
const today = londonDate(new Date());

/** Camden's officer records that a demo child moved to Leeds, and returns the child's reference. */
async function leaveForLeeds(camden: CheckedPage, name: string, javaScript: boolean): Promise<{ reference: string; childPath: string }> {
  const p = camden.page;
  await camden.goto(`/register?q=${encodeURIComponent(name)}`);
  await camden.clickAndCheck(p.getByRole("link", { name }));
  const reference = (await p.locator("main .govuk-caption-l").first().innerText()).replace("Child reference ", "");
  await camden.clickAndCheck(p.getByRole("button", { name: "Record that the child has left" }).or(p.getByRole("link", { name: "Record that the child has left" })));
  if (javaScript) await hydrated(p);
  await fillDate(p, "Date the child left", today);
  await p.getByLabel("Moved out of the area").check();
  await p.getByLabel("Another council in England").check();
  await p.getByLabel("Which council?").selectOption({ label: "Leeds" });
  await p.getByLabel("New address line 1 (if known)").fill("1 Park Lane");
  await p.getByLabel("Town or city").fill("Leeds");
  await p.getByLabel("Postcode").fill("LS1 1AB");
  await camden.clickAndCheck(p.getByRole("button", { name: "Record that the child has left" }));
  await expect(p.locator(".govuk-notification-banner", { hasText: "The transfer has been sent" }).count()).resolves.toBe(1);
  await expect(p.locator("main").innerText()).resolves.toContain("Transfer sent to Leeds: waiting for them to accept or decline.");
  return { reference, childPath: new URL(p.url()).pathname };
}

/** Leeds' officer finds the transfer from their home page's work queue and accepts it. */
async function acceptInLeeds(leeds: CheckedPage, name: string, reference: string, javaScript: boolean) {
  const p = leeds.page;
  await leeds.goto("/home");
  await leeds.clickAndCheck(p.locator('[data-queue-line="queue-incoming_transfer"]'));
  await expect(p.locator("h1").innerText()).resolves.toBe("Items to decide");
  const rows = p.locator("main table tbody tr", { hasText: "Camden" });
  expect(await rows.count()).toBeGreaterThan(0);
  // The newest transfer from Camden is the child just left: open each until it is theirs.
  for (let i = 0; i < (await rows.count()); i += 1) {
    await leeds.clickAndCheck(p.locator("main table tbody tr", { hasText: "Camden" }).nth(i).getByRole("link"));
    if ((await p.locator("main .govuk-summary-list").innerText()).includes(name)) break;
    await leeds.goto("/council-queue?kind=incoming_transfer");
  }
  await expect(p.locator("h1").innerText()).resolves.toBe("Transfer from Camden");
  const summary = await p.locator("main .govuk-summary-list").innerText();
  expect(summary).toContain(name);
  expect(summary).toContain(reference);
  expect(summary).toContain("1 Park Lane, Leeds, LS1 1AB");
  expect(summary).toContain("children.not.in.school@camden.example");
  if (javaScript) await hydrated(p);
  // Declining without a reason is refused, the reason asked for.
  await p.getByLabel("Decline").check();
  await leeds.clickAndCheck(p.getByRole("button", { name: "Continue" }));
  await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("Enter the reason");
  await p.getByLabel("Accept and add to our register").check();
  await leeds.clickAndCheck(p.getByRole("button", { name: "Continue" }));
  await expect(p.locator("h1").innerText()).resolves.toBe(name);
  await expect(p.locator("main .govuk-caption-l").first().innerText()).resolves.toBe(`Child reference ${reference}`);
  await expect(p.locator(".app-timeline").innerText()).resolves.toMatch(/Transferred from Camden on \d{1,2} \w+ \d{4}/);
  // Leeds' register has the child now.
  await leeds.goto(`/register?q=${encodeURIComponent(reference)}`);
  await expect(p.locator("main table tbody").innerText()).resolves.toContain(name.split(" ").reverse().join(", "));
}

/** Camden sees the transfer accepted, on the child's timeline. */
async function acceptedInCamden(camden: CheckedPage, childPath: string) {
  const p = camden.page;
  await camden.goto(childPath);
  await expect(p.locator("main").innerText()).resolves.toContain("Leeds accepted the transfer.");
  await expect(p.locator(".app-timeline").innerText()).resolves.toMatch(/Transferred to Leeds on \d{1,2} \w+ \d{4}/);
  // Camden now sees Leeds' entry for the child: its status, not its details.
  await expect(p.locator("main").innerText()).resolves.toMatch(/Also registered by Leeds: on their register: .+ since \d{1,2} \w+ \d{4}/);
}

describe("a child who moves from Camden to Leeds", () => {
  it("with JavaScript on: Camden leaves Noah Bennett as moved to Leeds; Leeds accepts; one reference, both timelines", async () => {
    const camden = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example");
    const leeds = await signedInPage(env.browser(), env.app().baseUrl, "officer@leeds.example");
    const { reference, childPath } = await leaveForLeeds(camden.page, "Bennett, Noah", true);
    await acceptInLeeds(leeds.page, "Noah Bennett", reference, true);
    await acceptedInCamden(camden.page, childPath);
    camden.page.assertAllChecked();
    leeds.page.assertAllChecked();
    await camden.context.close();
    await leeds.context.close();
  });

  it("with JavaScript off: the same journey for Ibrahim Okafor", async () => {
    const camden = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example", { javaScriptEnabled: false });
    const leeds = await signedInPage(env.browser(), env.app().baseUrl, "officer@leeds.example", { javaScriptEnabled: false });
    const { reference, childPath } = await leaveForLeeds(camden.page, "Okafor, Ibrahim", false);
    await acceptInLeeds(leeds.page, "Ibrahim Okafor", reference, false);
    await acceptedInCamden(camden.page, childPath);
    camden.page.assertAllChecked();
    leeds.page.assertAllChecked();
    await camden.context.close();
    await leeds.context.close();
  });
});

describe("a child on two councils' registers (also registered by)", () => {
  it("with JavaScript off: Leeds adds Jaden Rivers, asks Camden to confirm the same child; once Camden confirms, one reference and each sees the other's status", async () => {
    const leeds = await signedInPage(env.browser(), env.app().baseUrl, "officer@leeds.example", { javaScriptEnabled: false });
    const l = leeds.page.page;
    // Camden's Jaden Rivers (demo data) has a UPN; Leeds knows only his name and date of birth.
    await leeds.page.goto("/register/new");
    await l.getByLabel("First name").fill("Jaden");
    await l.getByLabel("Last name").fill("Rivers");
    await fillDate(l, "Date of birth", "2013-05-14");
    await l.getByLabel("Address line 1").first().fill("4 Hyde Park Road");
    await l.getByLabel("Town or city").first().fill("Leeds");
    await l.getByLabel("Postcode").first().fill("LS6 2AB");
    await l.getByLabel("Full name").fill("Dana Rivers");
    await l.getByLabel("Relationship to the child").selectOption("mother");
    await l.getByRole("group", { name: "Do they have parental responsibility?" }).getByLabel("Yes").check();
    await l.getByRole("group", { name: "Do they live at the child's address?" }).getByLabel("Yes").check();
    await l.getByRole("group", { name: "Do they educate the child?" }).getByLabel("No").check();
    await l.getByRole("group", { name: "Is the child at risk of harm from the home environment?" }).getByLabel("No").check();
    for (const item of ["Child's name", "Date of birth", "Home address"]) {
      await l.getByRole("combobox", { name: item, exact: true }).selectOption("parent");
    }
    await l.getByRole("combobox", { name: "Where their details came from" }).selectOption("parent");
    await l.getByLabel("Not on a school roll and no known education (missing education)").check();
    await l.getByLabel("No special educational needs").check();
    await l.getByRole("group", { name: "Social care status" }).getByLabel("None").check();
    await leeds.page.clickAndCheck(l.getByRole("button", { name: "Continue" }));
    // Before anything is confirmed Leeds sees only Camden's name and team.
    await expect(l.locator("main").innerText()).resolves.toContain("A child with the same name, date of birth and sex is on Camden’s register.");
    await leeds.page.clickAndCheck(l.getByRole("button", { name: "Create entry" }));
    const leedsChild = new URL(l.url()).pathname;
    const leedsReference = (await l.locator("main .govuk-caption-l").first().innerText()).replace("Child reference ", "");
    await expect(l.locator("main").innerText()).resolves.toContain("Camden may have the same child. Their children not in school team: children.not.in.school@camden.example, 020 7974 4000.");
    await leeds.page.clickAndCheck(l.getByRole("link", { name: "Ask Camden to confirm, or say it is not the same child" }));
    await expect(l.locator("h1").innerText()).resolves.toBe("Camden may have the same child");
    await leeds.page.clickAndCheck(l.getByRole("button", { name: "Continue" }));
    await expect(l.locator(".govuk-error-summary").innerText()).resolves.toContain("Select what to do");
    await l.getByLabel("Ask Camden to confirm it is the same child").check();
    await leeds.page.clickAndCheck(l.getByRole("button", { name: "Continue" }));
    await expect(l.locator("main").innerText()).resolves.toContain("You have asked Camden to confirm: waiting for their answer.");

    // Camden finds the request in its queue: Leeds' name, team and why they may match, nothing more.
    const camden = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example", { javaScriptEnabled: false });
    const c = camden.page.page;
    await camden.page.goto("/home");
    await camden.page.clickAndCheck(c.locator('[data-queue-line="queue-same_child_request"]'));
    await camden.page.clickAndCheck(c.locator("main table tbody tr", { hasText: "Leeds" }).first().getByRole("link"));
    await expect(c.locator("h1").innerText()).resolves.toBe("Leeds asks whether a child on your register is the same child");
    const shown = await c.locator("main").innerText();
    expect(shown).toContain("children.not.in.school@leeds.example");
    expect(shown).not.toMatch(/Hyde Park|LS6|Dana/);
    await c.getByLabel("This is the same child: link our entries").check();
    await camden.page.clickAndCheck(c.getByRole("button", { name: "Continue" }));
    await expect(c.locator("h1").innerText()).resolves.toBe("Jaden Rivers");
    const camdenReference = (await c.locator("main .govuk-caption-l").first().innerText()).replace("Child reference ", "");
    await expect(c.locator(".app-timeline").innerText()).resolves.toContain("Confirmed as the same child as on Leeds's register");
    await expect(c.locator("main").innerText()).resolves.toMatch(/Also registered by Leeds: on their register: .+ since \d{1,2} \w+ \d{4}/);

    // Leeds' entry now has the child's one reference (Camden's, the older), and sees Camden's status.
    await leeds.page.goto(leedsChild);
    await expect(l.locator("main .govuk-caption-l").first().innerText()).resolves.toBe(`Child reference ${camdenReference}`);
    expect(camdenReference).not.toBe(leedsReference);
    await expect(l.locator("main").innerText()).resolves.toMatch(/Also registered by Camden: on their register: .+ since \d{1,2} \w+ \d{4}/);
    await expect(l.locator(".app-timeline").innerText()).resolves.toContain("Camden confirmed the child on its register is this child");
    leeds.page.assertAllChecked();
    camden.page.assertAllChecked();
    await leeds.context.close();
    await camden.context.close();
  });
});
