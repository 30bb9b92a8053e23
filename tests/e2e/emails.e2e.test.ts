import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../support/app-server";
import { launchBrowser } from "../support/browser";
import { signedInPage } from "../support/e2e-session";

// The built app in production mode sending by SMTP to a server on this machine that first refuses
// every recipient for good (550): the email stops at once, the service admin finds it and sends it
// again once the server accepts.

let app: RunningApp;
let browser: Browser;
let smtp: SMTPServer;
let refusing = true;
const received: string[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusing) return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      return callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks).toString("utf8").replace(/=\r\n/g, ""));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  [app, browser] = await Promise.all([
    startApp({ EMAIL_SENDER: "smtp", SMTP_URL: `smtp://127.0.0.1:${port}`, EMAIL_FROM: "noreply@cnis.example.gov.uk", EMAIL_MAX_ATTEMPTS: "3" }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("failed emails", () => {
  it("are listed for the service admin, who sends one again once the mail server accepts it", async () => {
    const officer = await signedInPage(browser, app.baseUrl, "officer@camden.example");
    const o = officer.page.page;
    await officer.page.goto("/register?q=Rivers");
    await officer.page.clickAndCheck(o.getByRole("link", { name: "Rivers, Jaden" }));
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Record an intention to home educate" }));
    await o.getByLabel("A parent's notice").check();
    await o.getByLabel("Day").fill("16");
    await o.getByLabel("Month").fill("11");
    await o.getByLabel("Year").fill("2026");
    await o.getByLabel("What the notice says").fill("Letter from the parent dated 16 November 2026.");
    await officer.page.clickAndCheck(o.getByRole("button", { name: "Send for a decision" }));
    await expect(o.locator(".govuk-notification-banner").innerText()).resolves.toContain("sent for a decision");
    officer.page.assertAllChecked();
    expect(received).toEqual([]);

    const admin = await signedInPage(browser, app.baseUrl, "service.admin@service.example");
    const a = admin.page.page;
    await admin.page.goto("/service-admin/emails");
    const row = a.locator("tbody tr", { hasText: "social.worker@camden.example" });
    await expect(row.innerText()).resolves.toContain("smtp_550");

    refusing = false;
    await admin.page.clickAndCheck(row.getByRole("button", { name: /Send again/ }));
    await expect(a.locator(".govuk-notification-banner").innerText()).resolves.toContain("sent again");
    await expect(a.locator("tbody tr", { hasText: "social.worker@camden.example" }).count()).resolves.toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]).toContain("To: social.worker@camden.example");
    expect(received[0]).toContain(`${app.baseUrl}/consent-requests/`);
    expect(received[0]).not.toMatch(/Jaden|Rivers/);
    admin.page.assertAllChecked();
  });
});
