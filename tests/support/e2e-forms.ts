import type { Page } from "playwright-core";
import type { CheckedPage } from "./browser";

/**
 * Waits until React has hydrated the page's form. Answers given before then are kept
 * (ValidatedForm.test.tsx), but a button pressed before then posts the form natively, so the test
 * would take the no-JavaScript path rather than the one it means to.
 */
export async function hydrated(p: Page) {
  await p.waitForFunction(() => {
    const form = document.querySelector("main form");
    return !form || Object.keys(form).some((key) => key.startsWith("__reactProps"));
  });
}

/** Clicks through to a page with a form, checks it with axe, and waits for it to hydrate. */
export async function openForm(page: CheckedPage, target: Parameters<CheckedPage["clickAndCheck"]>[0]) {
  await page.clickAndCheck(target);
  await hydrated(page.page);
}

/** Types an ISO date into the GOV.UK date input whose legend is given. */
export async function fillDate(p: Page, legend: string, iso: string) {
  const [year, month, day] = iso.split("-");
  const group = p.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(String(Number(day)));
  await group.getByLabel("Month").fill(String(Number(month)));
  await group.getByLabel("Year").fill(year!);
}
