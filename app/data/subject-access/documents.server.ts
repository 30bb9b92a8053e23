import { asc, eq } from "drizzle-orm";
import { DOCUMENT_KIND_LABELS, DOCUMENT_TYPES, describeSize } from "#app/domain/documents";
import { db } from "#db/client";
import { documents, users } from "#db/schema/index";
import { staff, when, type ChildSection } from "./section";

// The documents on the child's entry (decision 079): what each is, here; the files themselves are
// downloaded from the entry (each download audited) and given with the bundle.
export const documentsSection: ChildSection = {
  id: "documents",
  title: "Documents",
  description:
    "Each document kept with the child's entry (a parent's notice, letters, reports): what it is, its file, and who added it. The files themselves are downloaded from the entry and given with this bundle.",
  async load(child) {
    const rows = await db
      .select({ document: documents, uploadedBy: users.name })
      .from(documents)
      .leftJoin(users, eq(users.id, documents.uploadedBy))
      .where(eq(documents.childId, child.id))
      .orderBy(asc(documents.uploadedAt));
    return rows.map(({ document: d, uploadedBy }) => {
      const uploader = staff(d.uploadedBy, uploadedBy);
      return {
        heading: `${DOCUMENT_KIND_LABELS[d.kind]}: ${d.description}`,
        fields: [
          { label: "Kind", value: DOCUMENT_KIND_LABELS[d.kind] },
          { label: "Description", value: d.description },
          { label: "File", value: d.contentRemovedAt ? `${d.fileName} (deleted under the retention schedule ${when(d.contentRemovedAt)})` : d.fileName },
          { label: "Type and size", value: `${DOCUMENT_TYPES[d.type].label}, ${describeSize(d.sizeBytes)}` },
          { label: "SHA-256", value: d.sha256 },
          { label: "Added by", value: uploadedBy, ...(uploader ? { thirdParty: uploader } : {}) },
          { label: "Added", value: when(d.uploadedAt) },
        ],
      };
    });
  },
};
