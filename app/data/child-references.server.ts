import { and, asc, eq, or, sql, type SQL } from "drizzle-orm";
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
  const [{ n }] = rowsOf<{ n: string | number | bigint }>(await tx.execute(sql`select nextval('child_reference_seq') as n`)) as [{ n: string }];
  const referenceNumber = Number(n);
  const childReference = childReferenceFromSequence(referenceNumber);
  await tx.insert(childReferences).values({ reference: childReference, referenceNumber });
  return { childReference, referenceNumber };
}

/**
 * The reference of the child with this NHS number or UPN on any register (the oldest if records
 * disagree), or null: identifiers are exact, so no person needs to confirm it.
 */
export async function existingReference(tx: Transaction, identifiers: { nhsNumber?: string | null; upn?: string | null }): Promise<ChildReference | null> {
  const same = [identifiers.nhsNumber ? eq(children.nhsNumber, identifiers.nhsNumber) : null, identifiers.upn ? eq(children.upn, identifiers.upn) : null].filter(
    (c): c is SQL => c !== null,
  );
  if (same.length === 0) return null;
  const [found] = await tx
    .select({ childReference: childReferences.reference, referenceNumber: childReferences.referenceNumber })
    .from(children)
    .innerJoin(childReferences, eq(childReferences.reference, children.childReference))
    .where(or(...same))
    .orderBy(asc(childReferences.createdAt), asc(childReferences.referenceNumber))
    .limit(1);
  return found ?? null;
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
