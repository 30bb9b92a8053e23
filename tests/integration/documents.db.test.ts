import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEntry } from "#app/data/entry-edit.server";
import { anonymiseEntry } from "#app/data/retention.server";
import { laScope } from "#app/data/scope.server";
import { childBundle } from "#app/data/subject-access/bundle.server";
import { londonDate } from "#app/domain/dates";
import { MAX_DOCUMENT_BYTES } from "#app/domain/documents";
import { formDataToObject } from "#app/forms/form-data";
import { registerEntrySchema } from "#app/forms/register-entry";
import { loader as providerDownload } from "#app/routes/provider.documents.$documentId";
import { action as providerUpload, loader as providerPage } from "#app/routes/provider.documents._index";
import { loader as childDownload } from "#app/routes/register.$childId.documents.$documentId";
import { action as childUpload, loader as childUploadPage } from "#app/routes/register.$childId.documents.new";
import { loader as entryLoader } from "#app/routes/register.$childId._index";
import { loader as reviewDownload } from "#app/routes/review.$listingId.documents.$documentId";
import { loader as reviewLoader } from "#app/routes/review.$listingId._index";
import { auditorFor } from "#app/utils/audit.server";
import { db } from "#db/client";
import { auditEvents, children, documentContents, documents, entryHistory } from "#db/schema/index";
import { providerInState } from "../support/directory";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { validEntryForm } from "../support/register";
import { sampleDocx, samplePdf, samplePlainZip, samplePng } from "../support/sample-files";

const today = londonDate(new Date());

async function officerWithChild(laCode: string) {
  const officer = await createUser("council_officer", { laCode });
  const scope = laScope({ id: officer.id, email: officer.email, name: "x", role: "council_officer", organisationId: officer.organisationId, organisationName: "LA", organisationKind: "local_authority" });
  const actor = { userId: officer.id, audit: auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "r") };
  const result = await createEntry(scope, registerEntrySchema(today).parse(formDataToObject(new URLSearchParams(validEntryForm({ upn: "", nhsNumber: "" })))), actor);
  if (!result.ok) throw new Error(`not created: ${JSON.stringify(result)}`);
  return { officer, childId: result.id };
}

function uploadForm(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "application/octet-stream" }), file.name);
  return form;
}

async function uploadTo(user: TestUser, childId: string, form: FormData) {
  return call(childUpload, await requestAs(user, `/register/${childId}/documents/new`, { method: "POST", body: form }), { childId });
}

const letter = { kind: "letter", description: "Letter from the parents, 3 March 2026" };

async function auditActions(subjectId: string) {
  return (await db.select({ action: auditEvents.action, details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.subjectId, subjectId))).map((a) => a.action);
}

describe("documents on a child's entry", () => {
  it("uploads through the entry writer, lists without the bytes and downloads as an attachment, audited", async () => {
    const { officer, childId } = await officerWithChild("202");
    const page = await call(childUploadPage, await requestAs(officer, `/register/${childId}/documents/new`), { childId });
    expect(page.status).toBe(200);
    const pdf = samplePdf("Notice of home education");
    // The browser's content type and the name's extension are ignored: the bytes are a PDF.
    const uploaded = await uploadTo(officer, childId, uploadForm(letter, { name: "C:\\scans\\Letter <final>.png", bytes: pdf, type: "image/png" }));
    expect(uploaded.status).toBe(302);
    expect(uploaded.location).toBe(`/register/${childId}?document=added#documents`);
    const [row] = await db.select().from(documents).where(eq(documents.childId, childId));
    expect(row).toMatchObject({ kind: "letter", description: letter.description, fileName: "Letter _final_.png.pdf", type: "pdf", sizeBytes: pdf.length, uploadedBy: officer.id, listingId: null });
    expect(row!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const history = await db.select().from(entryHistory).where(eq(entryHistory.childId, childId)).orderBy(entryHistory.id);
    expect(history.map((h) => [h.kind, h.summary, h.version])).toEqual([
      ["created", expect.any(String), 1],
      ["document_added", "Document added: letter", 1],
    ]);
    expect(await auditActions(childId)).toContain("document.uploaded");

    const entry = (await call(entryLoader, await requestAs(officer, `/register/${childId}`), { childId })).data;
    expect(entry.documents).toEqual([expect.objectContaining({ id: row!.id, fileName: "Letter _final_.png.pdf", type: "pdf", sizeBytes: pdf.length })]);
    expect(entry.documents[0]).not.toHaveProperty("bytes");

    const download = await call(childDownload, await requestAs(officer, `/register/${childId}/documents/${row!.id}`), { childId, documentId: row!.id });
    expect(download.status).toBe(200);
    expect(Object.fromEntries(download.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="Letter _final_.png.pdf"; filename*=UTF-8''Letter%20_final_.png.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-length": String(pdf.length),
    });
    expect(Buffer.from(await download.response!.arrayBuffer()).equals(pdf)).toBe(true);
    const downloads = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, childId), eq(auditEvents.action, "document.downloaded")));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.details).toEqual({ documentId: row!.id, kind: "letter" });
    await call(childDownload, await requestAs(officer, `/register/${childId}/documents/${row!.id}`), { childId, documentId: row!.id });
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, childId), eq(auditEvents.action, "document.downloaded")))).toHaveLength(2);
  });

  it("refuses a file of another type, an empty form, and a file over 10 MB, keeping nothing", async () => {
    const { officer, childId } = await officerWithChild("202");
    const zip = await uploadTo(officer, childId, uploadForm(letter, { name: "report.docx", bytes: samplePlainZip(), type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
    expect(zip).toMatchObject({ status: 400, data: { errors: { file: "The selected file must be a PDF, PNG, JPEG, Word (.docx) or OpenDocument text (.odt) file" }, values: letter } });
    const script = await uploadTo(officer, childId, uploadForm(letter, { name: "notice.pdf", bytes: Buffer.from("<script>alert(1)</script>"), type: "application/pdf" }));
    expect(script.data.errors.file).toMatch(/^The selected file must be a PDF/);
    const nothing = await uploadTo(officer, childId, uploadForm({ kind: "", description: "" }));
    expect(nothing).toMatchObject({ status: 400, data: { errors: { kind: "Select what kind of document it is", description: "Enter a description", file: "Select a file" } } });
    const empty = await uploadTo(officer, childId, uploadForm(letter, { name: "a.pdf", bytes: new Uint8Array(0) }));
    expect(empty.data.errors.file).toBe("The selected file is empty");
    const large = Buffer.concat([samplePdf(), Buffer.alloc(MAX_DOCUMENT_BYTES, 0x20)]);
    const tooLarge = await uploadTo(officer, childId, uploadForm(letter, { name: "big.pdf", bytes: large }));
    expect(tooLarge).toMatchObject({ status: 413, data: { errors: { file: "The file must be 10 MB or smaller" } } });
    // Exactly 10 MB is taken.
    const atLimit = await uploadTo(officer, childId, uploadForm(letter, { name: "big.pdf", bytes: large.subarray(0, MAX_DOCUMENT_BYTES) }));
    expect(atLimit.status).toBe(302);
    expect(await db.select({ size: documents.sizeBytes }).from(documents).where(eq(documents.childId, childId))).toEqual([{ size: MAX_DOCUMENT_BYTES }]);
  });

  it("is not found from another council, or for a document of another child", async () => {
    const { officer, childId } = await officerWithChild("202");
    const { officer: other, childId: otherChild } = await officerWithChild("202");
    expect((await uploadTo(officer, childId, uploadForm(letter, { name: "a.png", bytes: samplePng() }))).status).toBe(302);
    const [row] = await db.select().from(documents).where(eq(documents.childId, childId));
    const stranger = await createUser("council_officer", { laCode: "203" });
    expect((await uploadTo(stranger, childId, uploadForm(letter, { name: "a.png", bytes: samplePng() }))).status).toBe(404);
    expect((await call(childUploadPage, await requestAs(stranger, `/register/${childId}/documents/new`), { childId })).status).toBe(404);
    expect((await call(childDownload, await requestAs(stranger, `/register/${childId}/documents/${row!.id}`), { childId, documentId: row!.id })).status).toBe(404);
    // The same council, but the document named under another child's entry.
    expect((await call(childDownload, await requestAs(other, `/register/${otherChild}/documents/${row!.id}`), { childId: otherChild, documentId: row!.id })).status).toBe(404);
    expect((await call(childDownload, await requestAs(officer, `/register/${childId}/documents/not-a-uuid`), { childId, documentId: "not-a-uuid" })).status).toBe(404);
    expect(await db.select().from(documents).where(eq(documents.childId, childId))).toHaveLength(1);
  });

  it("deletes the files when the entry is anonymised, keeping what kind of document each was", async () => {
    const { officer, childId } = await officerWithChild("202");
    expect((await uploadTo(officer, childId, uploadForm({ kind: "report", description: "Ada's report from the visit" }, { name: "Ada Lovelace report.docx", bytes: sampleDocx() }))).status).toBe(302);
    const [before] = await db.select().from(documents).where(eq(documents.childId, childId));
    const [{ reference }] = (await db.select({ reference: children.childReference }).from(children).where(eq(children.id, childId))) as [{ reference: string }];
    const admin = laScope({ id: officer.id, email: officer.email, name: "x", role: "council_admin", organisationId: officer.organisationId, organisationName: "LA", organisationKind: "local_authority" });
    const bundle = await childBundle(admin, reference, [], "json", { userId: officer.id, audit: auditorFor(null, null) });
    const section = bundle!.sections.find((s) => s.id === "documents")!;
    expect(JSON.stringify(section)).toContain("Ada Lovelace report.docx");
    expect(JSON.stringify(section)).toContain("Ada's report from the visit");
    await db.update(children).set({ dateEntered: "2017-09-04", dateLeft: "2018-06-01", reasonLeft: "returned_to_school" }).where(eq(children.id, childId));
    expect(await anonymiseEntry(officer.organisationId, childId, 24, new Date())).toBe(true);
    const [after] = await db.select().from(documents).where(eq(documents.childId, childId));
    expect(after).toMatchObject({ kind: "report", type: "docx", sizeBytes: before!.sizeBytes, description: "Removed under the retention schedule", fileName: "Removed under the retention schedule" });
    expect(after!.contentRemovedAt).not.toBeNull();
    expect(await db.select().from(documentContents).where(eq(documentContents.documentId, before!.id))).toEqual([]);
    expect((await call(childDownload, await requestAs(officer, `/register/${childId}/documents/${before!.id}`), { childId, documentId: before!.id })).status).toBe(404);
    const history = await db.select().from(entryHistory).where(eq(entryHistory.childId, childId));
    expect(JSON.stringify(history)).not.toContain("Lovelace report");
  });
});

describe("documents on a provider's application", () => {
  it("the provider uploads, the reviewer sees and downloads them beside the application, each audited", async () => {
    const provider = await providerInState("submitted");
    const listing = await provider.listing();
    const uploaded = await call(providerUpload, await requestAs(provider.user, "/provider/documents", { method: "POST", body: uploadForm({ kind: "insurance_certificate", description: "Public liability insurance to 2027" }, { name: "insurance.pdf", bytes: samplePdf() }) }));
    expect(uploaded).toMatchObject({ status: 302, location: "/provider/documents?document=added" });
    const refused = await call(providerUpload, await requestAs(provider.user, "/provider/documents", { method: "POST", body: uploadForm({ kind: "letter", description: "x" }, { name: "a.zip", bytes: samplePlainZip() }) }));
    expect(refused).toMatchObject({ status: 400, data: { errors: { kind: "Select what kind of document it is", file: expect.stringMatching(/^The selected file must be/) } } });
    const own = (await call(providerPage, await requestAs(provider.user, "/provider/documents"))).data;
    expect(own.documents).toEqual([expect.objectContaining({ kind: "insurance_certificate", fileName: "insurance.pdf", type: "pdf" })]);
    const documentId = own.documents[0].id as string;
    const [row] = await db.select().from(documents).where(eq(documents.id, documentId));
    expect(row).toMatchObject({ listingId: listing.id, childId: null, laId: null, uploadedBy: provider.user.id });

    const mine = await call(providerDownload, await requestAs(provider.user, `/provider/documents/${documentId}`), { documentId });
    expect(mine.headers.get("content-disposition")).toMatch(/^attachment; filename="insurance.pdf"/);

    const page = (await call(reviewLoader, await requestAs(provider.reviewer.user, `/review/${listing.id}`), { listingId: listing.id })).data;
    expect(page.documents).toEqual([expect.objectContaining({ id: documentId, description: "Public liability insurance to 2027" })]);
    const download = await call(reviewDownload, await requestAs(provider.reviewer.user, `/review/${listing.id}/documents/${documentId}`), { listingId: listing.id, documentId });
    expect(download.status).toBe(200);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("cache-control")).toBe("private, no-store");
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(await auditActions(listing.id)).toEqual(expect.arrayContaining(["listing.document_uploaded", "listing.document_downloaded"]));
    expect((await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, listing.id), eq(auditEvents.action, "listing.document_downloaded")))).length).toBe(2);

    // Another provider, a reviewer of another area: not found.
    const other = await providerInState("draft");
    expect((await call(providerDownload, await requestAs(other.user, `/provider/documents/${documentId}`), { documentId })).status).toBe(404);
    expect((await call(providerPage, await requestAs(other.user, "/provider/documents"))).data.documents).toEqual([]);
    const leedsReviewer = await createUser("directory_reviewer", { laCode: "383" });
    expect((await call(reviewDownload, await requestAs(leedsReviewer, `/review/${listing.id}/documents/${documentId}`), { listingId: listing.id, documentId })).status).toBe(404);
    // A document of another listing, named under this one.
    const otherUpload = await call(providerUpload, await requestAs(other.user, "/provider/documents", { method: "POST", body: uploadForm({ kind: "policy", description: "Safeguarding policy" }, { name: "p.png", bytes: samplePng() }) }));
    expect(otherUpload.status).toBe(302);
    const [otherDoc] = await db.select().from(documents).where(and(eq(documents.kind, "policy"), eq(documents.uploadedBy, other.user.id)));
    expect((await call(reviewDownload, await requestAs(provider.reviewer.user, `/review/${listing.id}/documents/${otherDoc!.id}`), { listingId: listing.id, documentId: otherDoc!.id })).status).toBe(404);
    // A council officer may not use the provider's routes at all.
    const officer = await createUser("council_officer", { laCode: "202" });
    expect((await call(providerDownload, await requestAs(officer, `/provider/documents/${documentId}`), { documentId })).status).toBe(403);
  });
});
