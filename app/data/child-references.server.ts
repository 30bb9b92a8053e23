import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { childReferenceFromSequence } from "#app/domain/child-reference";
import { rowsOf, type Transaction } from "#db/client";
import { childReferences, children } from "#db/schema/index";

// One reference per child, nationally (issue 15 item 1, decision 032). A reference belongs to the
// child, not to a council's entry: an entry for a child already known takes the reference the
// child has; a new child gets a new one. When two references turn out to be one child, the younger
// is retired into the older and still finds the child.

export interface ChildReference {
  childReference: string;
  referenceNumber: number;
}

/** A new reference from the never-reset sequence, recorded as the child's. */
export async function issueReference(tx: Transaction): Promise<ChildReference> {
  const [issued] = await issueReferences(tx, 1);
  return issued!;
}

/** `count` new references from the sequence, recorded in one statement (a batch of new entries). */
export async function issueReferences(tx: Transaction, count: number): Promise<ChildReference[]> {
  if (count === 0) return [];
  const numbers = rowsOf<{ n: string | number | bigint }>(await tx.execute(sql`select nextval('child_reference_seq') as n from generate_series(1, ${count}::int)`));
  const issued = numbers.map(({ n }) => {
    const referenceNumber = Number(n);
    return { childReference: childReferenceFromSequence(referenceNumber), referenceNumber };
  });
  await tx.insert(childReferences).values(issued.map((r) => ({ reference: r.childReference, referenceNumber: r.referenceNumber })));
  return issued;
}

/**
 * The reference of the child with this NHS number or UPN on any register (the oldest if records
 * disagree), or null: identifiers are exact, so no person needs to confirm it.
 */
export async function existingReference(tx: Transaction, identifiers: { nhsNumber?: string | null; upn?: string | null }): Promise<ChildReference | null> {
  const [found] = await existingReferences(tx, [identifiers]);
  return found ?? null;
}

/** `existingReference` for each of many children, in one statement: in the order given, null where none. */
export async function existingReferences(tx: Transaction, many: readonly { nhsNumber?: string | null; upn?: string | null }[]): Promise<(ChildReference | null)[]> {
  const nhs = [...new Set(many.flatMap((c) => (c.nhsNumber ? [c.nhsNumber] : [])))];
  const upns = [...new Set(many.flatMap((c) => (c.upn ? [c.upn] : [])))];
  const same = [nhs.length ? inArray(children.nhsNumber, nhs) : null, upns.length ? inArray(children.upn, upns) : null].filter((c): c is SQL => c !== null);
  if (same.length === 0) return many.map(() => null);
  const rows = await tx
    .select({ childReference: childReferences.reference, referenceNumber: childReferences.referenceNumber, nhsNumber: children.nhsNumber, upn: children.upn })
    .from(children)
    .innerJoin(childReferences, eq(childReferences.reference, children.childReference))
    .where(or(...same))
    .orderBy(asc(childReferences.createdAt), asc(childReferences.referenceNumber));
  // Ordered oldest first: each child's is the first row with its NHS number or UPN.
  return many.map((c) => {
    const found = rows.find((r) => (!!c.nhsNumber && r.nhsNumber === c.nhsNumber) || (!!c.upn && r.upn === c.upn));
    return found ? { childReference: found.childReference, referenceNumber: found.referenceNumber } : null;
  });
}

/** The reference a retired one was joined into, or the reference itself when it is current. */
export async function currentReference(tx: Transaction, reference: string): Promise<string | null> {
  const [row] = await tx.select({ reference: childReferences.reference, retiredInto: childReferences.retiredInto }).from(childReferences).where(eq(childReferences.reference, reference));
  return row ? (row.retiredInto ?? row.reference) : null;
}

/**
 * Retires `retired` into `kept` once every entry with it has moved to `kept` (the caller moves them,
 * through the entry writer). Aliases already retired into `retired` follow, so every alias is one
 * step from the child's current reference.
 */
export async function retireReference(tx: Transaction, retired: string, kept: string): Promise<void> {
  if (retired === kept) return;
  const [stillUsed] = await tx.select({ id: children.id }).from(children).where(eq(children.childReference, retired)).limit(1);
  if (stillUsed) return;
  const now = new Date();
  await tx.update(childReferences).set({ retiredInto: kept, retiredAt: now }).where(and(eq(childReferences.reference, retired)));
  await tx.update(childReferences).set({ retiredInto: kept }).where(eq(childReferences.retiredInto, retired));
}
