import { addDays, londonDate } from "#app/domain/dates";
import { SECTION_IDS } from "#app/forms/application";
import { eq } from "drizzle-orm";
import { saveSection, submitApplication } from "#app/data/application.server";
import { providerScope, reviewerScope } from "#app/data/directory-scope.server";
import { decide } from "#app/data/review.server";
import { db } from "#db/client";
import { listings } from "#db/schema/index";
import { auditorFor } from "#app/utils/audit.server";
import type { SessionUser } from "#app/utils/session.server";
import { createOrganisation, createUser, type TestUser } from "./fixtures";

export { completeAnswers } from "./directory-answers";
import { completeAnswers } from "./directory-answers";

export function sessionUserOf(user: TestUser, organisationKind: SessionUser["organisationKind"], organisationName = "Test organisation"): SessionUser {
  return { id: user.id, email: user.email, name: "Test", role: user.role, organisationId: user.organisationId, organisationName, organisationKind };
}

export function actorFor(user: TestUser) {
  return { userId: user.id, role: user.role, audit: auditorFor({ userId: user.id, role: user.role, organisationId: user.organisationId }, null) };
}

/** A provider organisation and user with every section of the application saved as complete. */
export async function providerWithCompleteApplication(options: Parameters<typeof completeAnswers>[0] & { name?: string } = {}) {
  const organisation = await createOrganisation("provider", options.name);
  const user = await createUser("provider", { organisationId: organisation.id });
  const scope = providerScope(sessionUserOf(user, "provider", organisation.name));
  const answers = completeAnswers(options);
  for (const id of SECTION_IDS) {
    const result = await saveSection(scope, id, answers[id], true, actorFor(user));
    if (!result.ok) throw new Error(`Could not save ${id}: ${JSON.stringify(result)}`);
  }
  return { organisation, user, scope };
}

async function nationalReviewerForTests() {
  const team = await createOrganisation("directory_team");
  const user = await createUser("directory_reviewer", { organisationId: team.id });
  return { user, scope: reviewerScope(sessionUserOf(user, "directory_team")) };
}
export { nationalReviewerForTests as nationalReviewer };

/** Drives a provider's listing to a state through the real data layer (and so the state machine). */
export async function providerInState(
  state: "draft" | "submitted" | "changes_requested" | "approved" | "refused" | "suspended" | "revoked",
  options: Parameters<typeof completeAnswers>[0] & { name?: string; listedUntil?: string } = {},
) {
  const provider = await providerWithCompleteApplication(options);
  const today = londonDate(new Date());
  const reviewer = await nationalReviewerForTests();
  const listing = async () => (await db.select().from(listings).where(eq(listings.organisationId, provider.organisation.id)))[0]!;
  const act = async (input: Parameters<typeof decide>[3]) => {
    const l = await listing();
    const result = await decide(reviewer.scope, l.id, l.version, input, actorFor(reviewer.user), today);
    if (!result.ok) throw new Error(`${input.action}: ${result.message}`);
  };
  if (state !== "draft") await submitApplication(provider.scope, actorFor(provider.user), today);
  if (state === "changes_requested") await act({ action: "request_changes", comments: { sites: "Add your second site" } });
  if (state === "refused") await act({ action: "refuse", reason: "Not suitable" });
  if (["approved", "suspended", "revoked"].includes(state)) await act({ action: "approve", listedUntil: options.listedUntil ?? addDays(today, 365) });
  if (state === "suspended") await act({ action: "suspend", reason: "Concern reported" });
  if (state === "revoked") await act({ action: "revoke", reason: "Concerns upheld" });
  return { ...provider, reviewer, listing };
}
