import type { Permission } from "./roles";

// The use of the register's information (s436F Education Act 1996, inserted by s38 of the
// Children's Wellbeing and Schools Act 2026): the purposes a council may use it for, the items
// each page uses, and who uses which. The register itself is never published: only the
// statistics' rounded, suppressed counts are (decision 074).

export const PURPOSES = ["register", "suitable_education", "safeguarding", "consent", "placements", "transfers", "accountability", "subject_access", "statistics"] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Each purpose as a page states it, with its basis. */
export const PURPOSE_STATEMENTS: Record<Purpose, string> = {
  register: "keeping the council's register of children not in school and finding children who may be missing education (sections 436B and 436C Education Act 1996)",
  suitable_education: "checking that each child is receiving a suitable education, and acting where they are not (sections 436F and 437 Education Act 1996)",
  safeguarding: "safeguarding and promoting the child's welfare (section 436F Education Act 1996, section 175 Education Act 2002)",
  consent: "deciding whether a child may be withdrawn from school to be home-educated (section 434A Education Act 1996)",
  placements: "placing the child with a provider listed on the directory, and checking the placement is safe and within its limits",
  transfers: "passing a child's entry to the council where they now live, so no child is lost between registers",
  accountability: "showing who looked at or changed a child's entry (UK GDPR Article 5(2))",
  subject_access: "answering a person's request for their own information (UK GDPR Article 15)",
  statistics: "the council's own counts for planning and its return to DfE: figures only, never a child's details",
};

/** The register's items as the uses name them (s436C(1) and (2), and what the council adds). */
export const REGISTER_ITEMS = ["identity", "parents", "education", "providers", "optional", "social_care", "sources", "casework", "counts"] as const;
export type RegisterItem = (typeof REGISTER_ITEMS)[number];
export const REGISTER_ITEM_LABELS: Record<RegisterItem, string> = {
  identity: "The child's name, date of birth, home address and identifiers",
  parents: "Parents' and carers' names, addresses and the time each spends educating the child",
  education: "Education status and the reason for home education",
  providers: "Other providers: name, address, where they teach, hours",
  optional: "Optional items: special educational needs and protected characteristics",
  social_care: "Social care status, allocated social worker and risk of harm at home",
  sources: "Where each item came from",
  casework: "Contacts, consent requests and placements",
  counts: "Counts of children (no child's details)",
};

export interface PageUse {
  purposes: readonly Purpose[];
  items: readonly RegisterItem[];
}

/** Who may use a page, as its route's access says (one permission, or any of several). */
export type PageAccess = { kind: "permission"; permission: Permission } | { kind: "any-permission"; permissions: readonly Permission[] } | { kind: "public" | "signed-in" | "second-factor-step" };

/** A role, or a grant some people hold on top of theirs, with the permissions it carries. */
export interface Holder {
  name: string;
  permissions: readonly Permission[];
}

export interface RoleUse {
  name: string;
  items: RegisterItem[];
  purposes: Purpose[];
}

function mayUse(permissions: readonly Permission[], access: PageAccess): boolean {
  if (access.kind === "permission") return permissions.includes(access.permission);
  if (access.kind === "any-permission") return access.permissions.some((p) => permissions.includes(p));
  return false;
}

/**
 * Which roles use which items, and for what: each role's permissions, through the pages they open
 * (signed-in pages only: a public route's data is its own, never the register's).
 */
export function roleUses(holders: readonly Holder[], pages: readonly { access: PageAccess; use: PageUse }[]): RoleUse[] {
  return holders.flatMap((holder) => {
    const used = pages.filter((page) => mayUse(holder.permissions, page.access));
    if (used.length === 0) return [];
    const items = new Set(used.flatMap((p) => p.use.items));
    const purposes = new Set(used.flatMap((p) => p.use.purposes));
    return [{ name: holder.name, items: REGISTER_ITEMS.filter((i) => items.has(i)), purposes: PURPOSES.filter((p) => purposes.has(p)) }];
  });
}

/** The sentence a page shows: "... is used here for a, b and c." */
export function purposeSentence(purposes: readonly Purpose[]): string {
  const words = purposes.map((p) => PURPOSE_STATEMENTS[p]);
  const listed = words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join("; ")}; and ${words.at(-1)}`;
  return `The council uses the information on this page only for ${listed}.`;
}
