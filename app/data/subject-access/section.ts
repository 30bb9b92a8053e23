import type { BundleRecord, ThirdParty } from "#app/domain/subject-access";
import type { children, parentsAndCarers } from "#db/schema/index";

// One kind of record in a subject access bundle (decision 053). The bundle finds the person within
// the council admin's scope first; a section is handed only rows already authorised and reads what
// hangs off them. A new kind of record (documents: ./documents.server.ts) is a new module with one of
// these, added to the lists in ./bundle.server.ts.

export type ChildRow = typeof children.$inferSelect;
export type ParentRow = typeof parentsAndCarers.$inferSelect;

export interface ChildSection {
  id: string;
  title: string;
  description: string;
  load(child: ChildRow): Promise<BundleRecord[]>;
}

export interface ParentSection {
  id: string;
  title: string;
  description: string;
  /** The parent or carer's rows: the one asked about and the same person on the council's other entries. */
  load(parents: readonly ParentRow[]): Promise<BundleRecord[]>;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });
export const when = (instant: Date | null) => (instant ? timeFormat.format(instant) : null);

/** A member of staff named in the record: a third party the council's policy may have redacted. */
export function staff(id: string | null, name: string | null): ThirdParty | undefined {
  return id && name ? { key: `staff:${id}`, description: `Staff member: ${name}` } : undefined;
}

export function parentParty(p: { id: string; name: string; relationship: string }): ThirdParty {
  return { key: `parent:${p.id}`, description: `Parent or carer (${p.relationship}): ${p.name}` };
}
