import { describe, expect, it } from "vitest";
import { appAndBrowserForFile } from "../support/e2e-app";
import { signedInPage } from "../support/e2e-session";
import type { CheckedPage } from "../support/browser";

// Issue 18 item 3 as a council admin goes through it: an API token made on the admin's page with
// the scopes its system needs (JavaScript on and off), shown once, and used from outside the
// browser. A token that may only check placements is refused the register (403); one that may
// read the register lists the council's entries. axe on every page.

const env = appAndBrowserForFile();

/** Makes a token on the page, checking the refusal of a form with no scope first; returns the token shown once. */
async function makeToken(tab: CheckedPage, name: string, scopes: string[]): Promise<string> {
  const p = tab.page;
  await tab.goto("/admin/api-tokens");
  await expect(p.locator("h1").innerText()).resolves.toBe("API tokens");
  await p.getByLabel("Name of the new token").fill(name);
  await tab.clickAndCheck(p.getByRole("button", { name: "Create token" }));
  await expect(p.locator(".govuk-error-summary").innerText()).resolves.toContain("Select what the token may do");
  await p.getByLabel("Name of the new token").fill(name);
  for (const scope of scopes) await p.getByLabel(scope, { exact: true }).check();
  await tab.clickAndCheck(p.getByRole("button", { name: "Create token" }));
  const banner = p.locator(".govuk-notification-banner");
  await expect(banner.innerText()).resolves.toContain(`Token "${name}" created`);
  const token = (await banner.locator("code").innerText()).trim();
  expect(token.length).toBeGreaterThan(20);
  // The token's row says what it may do.
  await expect(p.locator("main table").innerText()).resolves.toMatch(new RegExp(`${name}\\s+${scopes.join(", ")}`));
  return token;
}

const entries = (token: string) => fetch(`${env.app().baseUrl}/api/v1/register/entries?limit=5`, { headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } });

describe("an API token made on the admin's page, used by the council's own system", () => {
  it("with JavaScript on: a placement-checks token is refused the register, a register-read token lists its entries", async () => {
    const admin = await signedInPage(env.browser(), env.app().baseUrl, "admin@camden.example");
    const checksOnly = await makeToken(admin.page, "Placement checker", ["Check placements"]);
    const refused = await entries(checksOnly);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json|^application\/json/);

    const reader = await makeToken(admin.page, "Case system reader", ["Read the register"]);
    const listed = await entries(reader);
    expect(listed.status).toBe(200);
    const body = (await listed.json()) as { data: { id: string; childReference: string }[] };
    // Camden's demonstration register has children; the page is the limit asked for.
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.length).toBeLessThanOrEqual(5);
    for (const entry of body.data) expect(entry.childReference).toMatch(/\S/);
    // The token's use is seen on the page: it was last used just now, not "Never".
    await admin.page.goto("/admin/api-tokens");
    const row = admin.page.page.locator("main table tr", { hasText: "Case system reader" });
    await expect(row.innerText()).resolves.not.toContain("Never");
    admin.page.assertAllChecked();
  }, 180_000);

  it("with JavaScript off: the same, and a revoked token no longer reads the register", async () => {
    const admin = await signedInPage(env.browser(), env.app().baseUrl, "admin@camden.example", { javaScriptEnabled: false });
    const checksOnly = await makeToken(admin.page, "Checker without scripts", ["Check placements"]);
    expect((await entries(checksOnly)).status).toBe(403);
    const reader = await makeToken(admin.page, "Reader without scripts", ["Check placements", "Read the register"]);
    expect((await entries(reader)).status).toBe(200);
    await admin.page.clickAndCheck(admin.page.page.getByRole("button", { name: "Revoke Reader without scripts" }));
    await expect(admin.page.page.locator(".govuk-notification-banner").innerText()).resolves.toContain("Token revoked");
    expect((await entries(reader)).status).toBe(401);
    admin.page.assertAllChecked();
  }, 180_000);
});
