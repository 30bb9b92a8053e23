import type { Permission } from "./domain/roles";

// Who may use each route, in one table: the file a reviewer reads to audit access. Every route
// module's loader and action go through `guard(routeId)` (app/utils/route-guard.server.ts), which
// enforces the entry here; a test fails if a route file is missing from this table or bypasses it.
export type Access =
  | { kind: "public" }
  | { kind: "signed-in" }
  // A session past its password, whether or not past its second factor yet: only the pages that
  // ask for or set up the second factor (decision 040). Every other kind needs both.
  | { kind: "second-factor-step" }
  | { kind: "permission"; permission: Permission }
  | { kind: "any-permission"; permissions: readonly Permission[] };

const PUBLIC = { kind: "public" } as const;
const SIGNED_IN = { kind: "signed-in" } as const;
const SECOND_FACTOR_STEP = { kind: "second-factor-step" } as const;
const needs = <P extends Permission>(permission: P) => ({ kind: "permission", permission }) as const;

export const ROUTE_ACCESS = {
  root: PUBLIC,
  "routes/_index": PUBLIC,
  "routes/sign-in": PUBLIC,
  "routes/sign-out": PUBLIC,
  "routes/signed-out": PUBLIC,
  "routes/healthz": PUBLIC,
  "routes/readyz": PUBLIC,
  "routes/accessibility": PUBLIC,
  "routes/privacy": PUBLIC,
  "routes/cookies": PUBLIC,
  "routes/help": PUBLIC,
  "routes/home": SIGNED_IN,
  "routes/account.password": SIGNED_IN,
  "routes/sign-in_.second-factor": SECOND_FACTOR_STEP,
  "routes/account.second-factor": SECOND_FACTOR_STEP,
  "routes/account.passkeys": SIGNED_IN,
  "routes/webauthn.register": SIGNED_IN,
  // A passkey signs in instead of a password, or finishes the second-factor step (decision 041).
  "routes/webauthn.authenticate": PUBLIC,
  // Single sign-on through the organisation's identity provider (decision 063).
  "routes/sign-in_.organisation": PUBLIC,
  "routes/sign-in_.organisation_.callback": PUBLIC,
  // The timeout warning's "when does my session end" and "Stay signed in" (decision 064): each
  // answers 401 itself without a signed-in session, rather than a redirect to sign in.
  "routes/session": PUBLIC,
  "routes/admin.users._index": needs("manage:user:own-la"),
  "routes/admin.users.$userId": needs("manage:user:own-la"),
  "routes/admin.users.$userId_.role": needs("manage:user:own-la"),
  "routes/admin.users.new": needs("manage:user:own-la"),
  "routes/invitation.$token": PUBLIC,
  "routes/forgot-password": PUBLIC,
  "routes/reset-password.$token": PUBLIC,
  "routes/admin.audit": needs("read:audit:own-la"),
  "routes/admin.audit[.]csv": needs("read:audit:own-la"),
  "routes/register._index": needs("read:child:own-la"),
  // Each list's CSV export: the same permission as its list (decision 068).
  "routes/register.export[.]csv": needs("read:child:own-la"),
  "routes/register.new": needs("write:child:own-la"),
  "routes/register.import._index": needs("write:child:own-la"),
  "routes/register.import.$importId": needs("write:child:own-la"),
  "routes/register.import.template[.]csv": needs("write:child:own-la"),
  "routes/register.import.$importId_.problems[.]csv": needs("write:child:own-la"),
  "routes/register.$childId._index": { kind: "any-permission", permissions: ["read:child:own-la", "read:child:allocated"] },
  "routes/register.$childId.edit": needs("write:child:own-la"),
  "routes/register.$childId.leave": needs("write:child:own-la"),
  "routes/register.$childId.same-child": needs("write:child:own-la"),
  "routes/register.$childId.contacts.new": needs("write:child:own-la"),
  // Providers tell the council (s436E, decision 074a): an officer asks; the provider answers by a one-time link.
  "routes/register.$childId.provider-requests.new": needs("write:child:own-la"),
  "routes/provider-answer.$token": PUBLIC,
  "routes/register.$childId.contacts.$contactId": needs("write:child:own-la"),
  "routes/register.$childId.suitability.$action": needs("write:child:own-la"),
  "routes/register.$childId.share-with-virtual-school": needs("write:child:own-la"),
  "routes/register.$childId.support-requests.new": needs("write:child:own-la"),
  "routes/register.$childId.support-requests.$requestId": needs("write:child:own-la"),
  "routes/register.$childId.suitability.$stepId.letter": needs("write:child:own-la"),
  // Documents on the entry (decision 079): added by the council's officers, downloaded by whoever may see the entry.
  "routes/register.$childId.documents.new": needs("write:child:own-la"),
  "routes/register.$childId.documents.$documentId": { kind: "any-permission", permissions: ["read:child:own-la", "read:child:allocated"] },
  // The council's queue of items to decide (incoming transfers, destination-unknown matches).
  "routes/council-queue._index": needs("write:child:own-la"),
  "routes/council-queue.$itemId": needs("write:child:own-la"),
  "routes/my-children": needs("read:child:allocated"),
  // The virtual school head's children in care, on any council's register (issue 26, decision 072).
  "routes/virtual-school._index": needs("read:child:responsible"),
  "routes/virtual-school.$childId": needs("read:child:responsible"),
  "routes/register.$childId.home-education": needs("raise:consent:own-la"),
  "routes/consent-requests._index": { kind: "any-permission", permissions: ["decide:consent:allocated", "decide:consent-statutory:own-la", "read:consent:own-la"] },
  "routes/consent-requests.export[.]csv": { kind: "any-permission", permissions: ["decide:consent:allocated", "decide:consent-statutory:own-la", "read:consent:own-la"] },
  "routes/consent-requests.$requestId": { kind: "any-permission", permissions: ["decide:consent:allocated", "decide:consent-statutory:own-la", "read:consent:own-la"] },
  "routes/consent-requests.$requestId_.reconsider": needs("raise:consent:own-la"),
  "routes/admin.users.$userId_.grants": needs("manage:user:own-la"),
  "routes/admin.settings": needs("manage:settings:own-la"),
  "routes/admin.team-contact": needs("manage:settings:own-la"),
  "routes/admin.api-tokens": needs("manage:api-token:own-la"),
  "routes/inbox": SIGNED_IN,
  "routes/service-admin.organisations": needs("manage:organisation:any"),
  "routes/service-admin.reviewers": needs("manage:reviewer:any"),
  "routes/service-admin.emails": needs("manage:email:any"),
  "routes/service-admin.single-sign-on._index": needs("manage:organisation:any"),
  "routes/service-admin.single-sign-on.$organisationId": needs("manage:organisation:any"),
  // Schools (issue 17): loaded by the service admin, their staff invited by the council's admin.
  "routes/service-admin.schools": needs("manage:organisation:any"),
  "routes/admin.schools._index": needs("manage:user:own-la"),
  "routes/admin.schools.$urn": needs("manage:user:own-la"),
  "routes/school._index": needs("read:school:own"),
  "routes/school.colleagues": needs("manage:user:own-school"),
  "routes/school.api-tokens": needs("manage:user:own-school"),
  "routes/school.returns._index": needs("send:return:own-school"),
  "routes/school.returns.new": needs("send:return:own-school"),
  "routes/school.returns.new-pupil": needs("send:return:own-school"),
  "routes/school.returns.new-pupils-csv": needs("send:return:own-school"),
  "routes/school.returns.never-attending": needs("send:return:own-school"),
  // Schools commission AP for their pupils through the placement check (decision 080).
  "routes/school.placements._index": needs("write:placement:own-school"),
  "routes/school.placements.new": needs("write:placement:own-school"),
  "routes/school.placements.$placementId.end": needs("write:placement:own-school"),
  // Data protection (decisions 050-054).
  "routes/service-admin.retention": needs("manage:retention:any"),
  "routes/service-admin.record-of-processing": needs("manage:retention:any"),
  // Which roles use which items of the register (s436F, decision 074).
  "routes/service-admin.register-uses": needs("manage:retention:any"),
  "routes/admin.subject-access": needs("respond:subject-access:own-la"),
  "routes/admin.subject-access[.]json": needs("respond:subject-access:own-la"),
  // The directory of non-school alternative provision.
  "routes/directory._index": PUBLIC,
  "routes/directory.$providerId": PUBLIC,
  "routes/api.v1.directory.providers": PUBLIC,
  "routes/api.v1.directory.providers[.]csv": PUBLIC,
  "routes/api.v1.openapi[.]json": PUBLIC,
  // Published statistics: only rounded, suppressed figures.
  "routes/statistics": PUBLIC,
  // A council's own figures (unrounded) and its termly return.
  "routes/council-figures._index": needs("read:statistics:own-la"),
  "routes/council-figures.return": needs("download:termly-return:own-la"),
  "routes/api.v1.statistics.children-not-in-school[.]csv": PUBLIC,
  "routes/api.v1.statistics.children-not-in-school[.]meta[.]csv": PUBLIC,
  // Authenticated by an LA's bearer token inside the route, never by a session.
  "routes/api.v1.placement-checks": PUBLIC,
  "routes/api.v1.register.entries": PUBLIC,
  "routes/api.v1.register.entries.$id": PUBLIC,
  "routes/api.v1.school-returns": PUBLIC,
  "routes/provider.sign-up": PUBLIC,
  // Parents tell their council of a child not in school (s436D; decision 073): no account needed.
  "routes/parents.notify": PUBLIC,
  // The council's requests for information to the parents, and its visit after registration.
  "routes/register.$childId.information-requests": needs("write:child:own-la"),
  "routes/register.$childId.visit": needs("write:child:own-la"),
  "routes/provider._index": needs("apply:listing:own"),
  "routes/provider.application.$section": needs("apply:listing:own"),
  "routes/provider.organisation": needs("apply:listing:own"),
  "routes/provider.colleagues": needs("apply:listing:own"),
  // The application's supporting documents (decision 079), and the reviewer's download of them.
  "routes/provider.documents._index": needs("apply:listing:own"),
  "routes/provider.documents.$documentId": needs("apply:listing:own"),
  "routes/review.$listingId.documents.$documentId": needs("review:listing:area"),
  "routes/review._index": needs("review:listing:area"),
  "routes/review.$listingId._index": needs("review:listing:area"),
  "routes/review.$listingId.$decision": needs("review:listing:area"),
  "routes/review.$listingId.change-request": needs("review:listing:area"),
  // Placements.
  "routes/register.$childId.placements.new": needs("write:placement:own-la"),
  "routes/placements.$placementId.end": needs("write:placement:own-la"),
  "routes/placements.$placementId.extend": needs("write:placement:own-la"),
  "routes/placements.$placementId.review": needs("write:placement:own-la"),
  "routes/placements._index": needs("write:placement:own-la"),
  "routes/placements.export[.]csv": needs("write:placement:own-la"),
  "routes/placements.refusals": needs("write:placement:own-la"),
  "routes/admin.placement-limits": needs("manage:settings:own-la"),
  "routes/provider.placements": needs("read:placement:own-provider"),
} as const satisfies Record<string, Access>;

export type RouteId = keyof typeof ROUTE_ACCESS;
export type PublicRouteId = { [K in RouteId]: (typeof ROUTE_ACCESS)[K] extends { kind: "public" } ? K : never }[RouteId];
