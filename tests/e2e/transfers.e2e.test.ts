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
