import type { RouteId } from "./access";
import type { PageUse } from "./domain/register-purposes";

// Every page and export that shows register data, with the purposes it serves and the items it
// uses (s436F Education Act 1996; decision 074): the one table `PurposeStatement` reads, and the
// service admin's "who uses which items" page is worked out from. A test fails if a page that
// reads children's data is missing from it, if a listed page does not show its statement, or if
// a public page is listed (the register is never published).

const ENTRY: PageUse = { purposes: ["register", "suitable_education", "safeguarding"], items: ["identity", "parents", "education", "providers", "optional", "social_care", "sources", "casework"] };
const CONSENT: PageUse = { purposes: ["consent", "safeguarding"], items: ["identity", "parents", "education", "optional", "social_care", "casework"] };
const PLACEMENT: PageUse = { purposes: ["placements"], items: ["identity", "education", "providers", "casework"] };

export const REGISTER_USES = {
  "routes/register._index": ENTRY,
  "routes/register.export[.]csv": ENTRY,
  "routes/register.new": ENTRY,
  "routes/register.$childId._index": ENTRY,
  "routes/register.$childId.edit": ENTRY,
  "routes/register.$childId.leave": { purposes: ["register", "transfers"], items: ["identity", "education"] },
  "routes/register.$childId.same-child": { purposes: ["register", "transfers"], items: ["identity", "parents"] },
  "routes/register.$childId.contacts.new": { purposes: ["suitable_education", "safeguarding"], items: ["identity", "casework"] },
  "routes/register.$childId.contacts.$contactId": { purposes: ["suitable_education", "safeguarding"], items: ["identity", "casework"] },
  "routes/register.$childId.suitability.$action": { purposes: ["suitable_education"], items: ["identity", "casework"] },
  "routes/register.$childId.suitability.$stepId.letter": { purposes: ["suitable_education"], items: ["identity", "parents", "casework"] },
  "routes/register.$childId.support-requests.new": { purposes: ["suitable_education"], items: ["identity", "casework"] },
  "routes/register.$childId.support-requests.$requestId": { purposes: ["suitable_education"], items: ["identity", "casework"] },
  "routes/register.$childId.information-requests": { purposes: ["register", "suitable_education"], items: ["identity", "parents", "casework"] },
  "routes/register.$childId.visit": { purposes: ["register", "suitable_education"], items: ["identity", "parents", "casework"] },
  "routes/register.$childId.documents.new": { purposes: ["register", "suitable_education", "safeguarding"], items: ["identity", "casework"] },
  // A document is downloaded from the entry's page, whose statement covers it.
  "routes/register.$childId.documents.$documentId": ENTRY,
  "routes/register.$childId.share-with-virtual-school": { purposes: ["safeguarding", "suitable_education"], items: ["identity", "parents", "social_care"] },
  // Bulk import (decision 075): the rows of a council's file, read and checked before they become entries.
  "routes/register.import._index": ENTRY,
  "routes/register.import.$importId": ENTRY,
  "routes/register.import.template[.]csv": ENTRY,
  "routes/register.import.$importId_.problems[.]csv": ENTRY,
  // The virtual school head: the education of the children the council is responsible for (issue 26).
  "routes/virtual-school._index": { purposes: ["safeguarding", "suitable_education"], items: ["identity", "education", "social_care", "casework"] },
  "routes/virtual-school.$childId": { purposes: ["safeguarding", "suitable_education"], items: ["identity", "education", "providers", "social_care", "casework"] },
  "routes/register.$childId.provider-requests.new": { purposes: ["register", "suitable_education"], items: ["identity", "providers"] },
  "routes/council-queue._index": { purposes: ["register", "transfers"], items: ["identity"] },
  "routes/council-queue.$itemId": { purposes: ["register", "transfers"], items: ["identity", "parents", "education"] },
  "routes/my-children": { purposes: ["safeguarding", "consent"], items: ["identity", "education", "social_care"] },
  "routes/register.$childId.home-education": CONSENT,
  "routes/consent-requests._index": CONSENT,
  "routes/consent-requests.export[.]csv": CONSENT,
  "routes/consent-requests.$requestId": CONSENT,
  "routes/consent-requests.$requestId_.reconsider": CONSENT,
  "routes/admin.audit": { purposes: ["accountability"], items: ["identity"] },
  "routes/admin.audit[.]csv": { purposes: ["accountability"], items: ["identity"] },
  "routes/admin.subject-access": { purposes: ["subject_access"], items: ["identity", "parents", "education", "providers", "optional", "social_care", "sources", "casework"] },
  "routes/admin.subject-access[.]json": { purposes: ["subject_access"], items: ["identity", "parents", "education", "providers", "optional", "social_care", "sources", "casework"] },
  "routes/council-figures._index": { purposes: ["statistics"], items: ["counts"] },
  "routes/council-figures.return": { purposes: ["statistics"], items: ["counts"] },
  "routes/register.$childId.placements.new": PLACEMENT,
  "routes/placements.$placementId.end": PLACEMENT,
  "routes/placements.$placementId.extend": PLACEMENT,
  "routes/placements.$placementId.review": PLACEMENT,
  "routes/placements._index": PLACEMENT,
  "routes/placements.export[.]csv": PLACEMENT,
  "routes/placements.refusals": PLACEMENT,
  // A school's placements of its own pupils (decision 080): the pupil record it keeps, not the register.
  "routes/school.placements._index": { purposes: ["placements"], items: ["identity", "education", "providers"] },
  "routes/school.placements.new": { purposes: ["placements"], items: ["identity", "education", "providers"] },
  "routes/school.placements.$placementId.end": { purposes: ["placements"], items: ["identity", "providers"] },
  // The provider sees the minimum: the children placed with it.
  "routes/provider.placements": { purposes: ["placements"], items: ["identity"] },
} as const satisfies Partial<Record<RouteId, PageUse>>;

export type RegisterUseRouteId = keyof typeof REGISTER_USES;
