import { notFound } from "#app/utils/refusals.server";
import { openInvitationsOf, resendInvitation, sendInvitation, type InvitationSent, type Inviter } from "./invitations.server";
import { SCHOOL_ROLES, type SchoolRole } from "./school-user-roles";
import type { SchoolScope } from "./school-scope.server";
import { schoolInArea } from "./schools.server";
import { isUuid, type LaScope } from "./scope.server";

// Who signs in for a school (decision 061): the council's admin invites staff of the open schools
// in its area; a school's own admin invites colleagues. Both use the council's invitation model
// (decision 016): an emailed one-time link, the same answer for every address.

export type SchoolInvitationSent = InvitationSent | { ok: false; closed: true };

async function openSchoolInArea(scope: LaScope, urn: string) {
  const school = await schoolInArea(scope, urn);
  if (!school) notFound();
  return school;
}

/** A council admin invites someone to a school in the council's area; a closed school takes no one new. */
export async function inviteSchoolUser(scope: LaScope, urn: string, input: { name: string; email: string; role: SchoolRole }, inviter: Inviter): Promise<SchoolInvitationSent> {
  const school = await openSchoolInArea(scope, urn);
  if (!school.open) return { ok: false, closed: true };
  return sendInvitation({ organisationId: school.id, ...input }, inviter);
}

export async function resendSchoolUserInvitation(scope: LaScope, urn: string, invitationId: string, inviter: Inviter): Promise<InvitationSent> {
  const school = await openSchoolInArea(scope, urn);
  if (!isUuid(invitationId)) notFound();
  const result = await resendInvitation(school.id, invitationId, inviter);
  if ("notFound" in result) notFound();
  return result;
}

/** Invitations not yet accepted to a school in the council's area. */
export async function schoolInvitationsInArea(scope: LaScope, urn: string) {
  const school = await openSchoolInArea(scope, urn);
  return openInvitationsOf(school.id, SCHOOL_ROLES);
}

function inviterOf(scope: SchoolScope, audit: Inviter["audit"]): Inviter {
  return { userId: scope.user.id, organisationName: scope.user.organisationName, audit };
}

/** The school's admin invites a colleague to their own school. */
export function inviteSchoolColleague(scope: SchoolScope, input: { name: string; email: string; role: SchoolRole }, audit: Inviter["audit"]): Promise<InvitationSent> {
  return sendInvitation({ organisationId: scope.schoolId, ...input }, inviterOf(scope, audit));
}

export async function resendSchoolColleagueInvitation(scope: SchoolScope, invitationId: string, audit: Inviter["audit"]): Promise<InvitationSent> {
  if (!isUuid(invitationId)) notFound();
  const result = await resendInvitation(scope.schoolId, invitationId, inviterOf(scope, audit));
  if ("notFound" in result) notFound();
  return result;
}

export function schoolColleagueInvitations(scope: SchoolScope) {
  return openInvitationsOf(scope.schoolId, SCHOOL_ROLES);
}
