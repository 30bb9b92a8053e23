import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { SessionUser } from "#app/utils/session.server";
import { db } from "#db/client";
import { organisations, users } from "#db/schema/index";
import { sendInvitation, type InvitationSent, type Inviter } from "./invitations.server";
import { hasPermission } from "#app/domain/roles";
import { forbidden } from "#app/utils/refusals.server";
import type { Auditor } from "#app/utils/audit.server";
import { retryFailedEmail } from "#app/utils/notify.server";
import { isUuid } from "./scope.server";

// The national service admin's view: local authorities and directory reviewers. It never reaches
// children's records: nothing here joins the register.

const SERVICE = Symbol("service-admin");
export interface ServiceAdminScope {
  readonly [SERVICE]: true;
  readonly user: SessionUser;
}

export function serviceAdminScope(user: SessionUser): ServiceAdminScope {
  if (!hasPermission(user.role, "manage:organisation:any") && !hasPermission(user.role, "manage:reviewer:any")) forbidden();
  return Object.freeze({ [SERVICE]: true as const, user });
}

export async function listLocalAuthorities(_scope: ServiceAdminScope) {
  const las = await db
    .select({ id: organisations.id, name: organisations.name, laCode: organisations.laCode, onsCode: organisations.onsCode })
    .from(organisations)
    .where(eq(organisations.kind, "local_authority"))
    .orderBy(asc(organisations.name));
  const counts = await db.select({ organisationId: users.organisationId, n: count() }).from(users).groupBy(users.organisationId);
  const byOrg = new Map(counts.map((c) => [c.organisationId, c.n]));
  return las.map((la) => ({ ...la, users: byOrg.get(la.id) ?? 0 }));
}

/** Organisations a reviewer can belong to: the national team, or an LA's quality-assurance team. */
export function reviewerOrganisations(_scope: ServiceAdminScope) {
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.kind, ["directory_team", "local_authority"]))
    .orderBy(asc(organisations.kind), asc(organisations.name));
}

export function listReviewers(_scope: ServiceAdminScope) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, organisation: organisations.name, deactivatedAt: users.deactivatedAt })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.role, "directory_reviewer"))
    .orderBy(asc(organisations.name), asc(users.name));
}

export async function inviteReviewer(
  _scope: ServiceAdminScope,
  input: { name: string; email: string; organisationId: string },
  inviter: Inviter,
): Promise<InvitationSent | { ok: false; field: "organisationId"; message: string }> {
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, input.organisationId), inArray(organisations.kind, ["directory_team", "local_authority"])));
  if (!organisation) return { ok: false, field: "organisationId", message: "Select the national team or a local authority" };
  return sendInvitation({ organisationId: organisation.id, name: input.name, email: input.email, role: "directory_reviewer" }, inviter);
}

/** Puts a failed email back in the queue, audited in the same transaction; false if it had not failed. */
export async function retryEmail(_scope: ServiceAdminScope, emailId: string, audit: Auditor): Promise<boolean> {
  if (!isUuid(emailId)) return false;
  return db.transaction(async (tx) => {
    if (!(await retryFailedEmail(tx, emailId))) return false;
    await audit(tx, { action: "email.retried", subjectType: "email", subjectId: emailId });
    return true;
  });
}
