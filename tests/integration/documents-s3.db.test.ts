import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { and, eq } from "drizzle-orm";
import S3rver from "s3rver";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { s3ClientFor, s3ObjectStore } from "#app/data/document-storage-s3.server";
import { deleteRecordedDocumentObjects, objectDocumentStorage, postgresDocumentStorage, setDocumentStorage, type DocumentStorage } from "#app/data/document-storage.server";
import { addChildDocument, checkUploadedFile, STORAGE_UNAVAILABLE, type CheckedFile } from "#app/data/documents.server";
import { createEntry } from "#app/data/entry-edit.server";
import { anonymiseEntry } from "#app/data/retention.server";
import { laScope } from "#app/data/scope.server";
import { londonDate } from "#app/domain/dates";
import { formDataToObject } from "#app/forms/form-data";
import { registerEntrySchema } from "#app/forms/register-entry";
import { JOBS } from "#app/jobs/jobs.server";
import { loader as providerDownload } from "#app/routes/provider.documents.$documentId";
import { action as providerUpload } from "#app/routes/provider.documents._index";
import { loader as childDownload } from "#app/routes/register.$childId.documents.$documentId";
import { action as childUpload } from "#app/routes/register.$childId.documents.new";
import { auditorFor } from "#app/utils/audit.server";
import type { DocumentObjectStorageSettings } from "#app/utils/env.server";
import { db } from "#db/client";
import { children, documentContents, documentObjectDeletions, documents, entryHistory } from "#db/schema/index";
import { providerInState } from "../support/directory";
import { call, createUser, requestAs, type TestUser } from "../support/fixtures";
import { validEntryForm } from "../support/register";
import { sampleDocx, samplePdf, samplePng } from "../support/sample-files";

// Documents in S3-compatible object storage (decision 081), against a real S3 REST server:
// s3rver, in this process on a free port, serving a temporary directory, reached by the AWS SDK
// over HTTP with path-style addresses and signed requests (it checks the signature).

const BUCKET = "cnis-documents";
const today = londonDate(new Date());

let directory: string;
let server: S3rver;
let port: number;
let settings: DocumentObjectStorageSettings;
let client: S3Client;
let storage: DocumentStorage;
/** The headers of every request the SDK sent, as sent (after signing). */
const sent: { method: string; path: string; headers: Record<string, string> }[] = [];

function startServer(atPort: number) {
  server = new S3rver({ port: atPort, address: "127.0.0.1", directory, silent: true, configureBuckets: [{ name: BUCKET, configs: [] }] });
  return server.run();
}

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), "cnis-s3-"));
  ({ port } = await startServer(0));
  settings = {
    bucket: BUCKET,
    region: "eu-west-2",
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    serverSideEncryption: "AES256",
    kmsKeyId: undefined,
    // s3rver's one account.
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  };
  client = s3ClientFor(settings);
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { method: string; path: string; headers: Record<string, string> };
      sent.push({ method: request.method, path: request.path, headers: { ...request.headers } });
      return next(args);
    },
    { step: "finalizeRequest", priority: "low" },
  );
  storage = objectDocumentStorage(s3ObjectStore(settings, client));
});

beforeEach(() => setDocumentStorage(storage));

afterAll(async () => {
  setDocumentStorage(undefined);
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

async function objectBytes(key: string): Promise<Buffer> {
  const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from(await object.Body!.transformToByteArray());
}

async function objectExists(key: string): Promise<boolean> {
  return client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
    () => true,
    (error: Error) => {
      if (error.name === "NotFound") return false;
      throw error;
    },
  );
}

async function objectKeys(): Promise<string[]> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (listed.Contents ?? []).map((o) => o.Key!).sort();
}

function scopeOf(officer: TestUser) {
  return laScope({ id: officer.id, email: officer.email, name: "x", role: "council_officer", organisationId: officer.organisationId, organisationName: "LA", organisationKind: "local_authority" });
}

function actorOf(officer: TestUser) {
  return { userId: officer.id, audit: auditorFor({ userId: officer.id, role: "council_officer", organisationId: officer.organisationId }, "r") };
}

async function checked(bytes: Buffer): Promise<CheckedFile> {
  const result = await checkUploadedFile({ name: "a.pdf", bytes });
  if (!result.ok) throw new Error(result.message);
  return result.file;
}

async function officerWithChild(laCode: string) {
  const officer = await createUser("council_officer", { laCode });
  const result = await createEntry(scopeOf(officer), registerEntrySchema(today).parse(formDataToObject(new URLSearchParams(validEntryForm({ upn: "", nhsNumber: "" })))), actorOf(officer));
  if (!result.ok) throw new Error(`not created: ${JSON.stringify(result)}`);
  return { officer, childId: result.id };
}

function uploadForm(fields: Record<string, string>, file: { name: string; bytes: Uint8Array }): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append("file", new Blob([new Uint8Array(file.bytes)], { type: "application/octet-stream" }), file.name);
  return form;
}

async function uploadTo(user: TestUser, childId: string, form: FormData) {
  return call(childUpload, await requestAs(user, `/register/${childId}/documents/new`, { method: "POST", body: form }), { childId });
}

async function download(user: TestUser, childId: string, documentId: string) {
  return call(childDownload, await requestAs(user, `/register/${childId}/documents/${documentId}`), { childId, documentId });
}

const letter = { kind: "letter", description: "Letter from Ada Lovelace's parents" };

async function documentsOf(childId: string) {
  return db.select().from(documents).where(eq(documents.childId, childId));
}

async function makeDue(childId: string) {
  await db.update(children).set({ dateEntered: "2017-09-04", dateLeft: "2018-06-01", reasonLeft: "returned_to_school" }).where(eq(children.id, childId));
}

describe("documents in S3-compatible object storage", () => {
  it("uploads the object before the row, keyed by the document's id only and encrypted at rest, and downloads the same bytes as an attachment", async () => {
    const { officer, childId } = await officerWithChild("202");
    const pdf = samplePdf("Notice of home education for Ada Lovelace");
    sent.length = 0;
    const uploaded = await uploadTo(officer, childId, uploadForm(letter, { name: "Ada Lovelace notice.pdf", bytes: pdf }));
    expect(uploaded.status).toBe(302);
    const [row] = await documentsOf(childId);
    expect(row).toMatchObject({ storage: "s3", objectBucket: BUCKET, objectKey: `documents/${row!.id}`, sizeBytes: pdf.length, fileName: "Ada Lovelace notice.pdf" });
    // The bytes are in S3 only, under a key that says nothing about the child or the file.
    expect(await db.select().from(documentContents).where(eq(documentContents.documentId, row!.id))).toEqual([]);
    expect((await objectBytes(row!.objectKey!)).equals(pdf)).toBe(true);
    const put = sent.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/${BUCKET}/documents/${row!.id}`);
    expect(put?.headers["x-amz-server-side-encryption"]).toBe("AES256");
    expect(put?.headers["content-type"]).toBe("application/pdf");
    expect(put?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);

    const got = await download(officer, childId, row!.id);
    expect(got.status).toBe(200);
    expect(Object.fromEntries(got.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="Ada Lovelace notice.pdf"; filename*=UTF-8''Ada%20Lovelace%20notice.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-length": String(pdf.length),
    });
    expect(Buffer.from(await got.response!.arrayBuffer()).equals(pdf)).toBe(true);

    // A file of many chunks streams through whole.
    const large = Buffer.concat([samplePdf("A long report"), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    expect((await uploadTo(officer, childId, uploadForm(letter, { name: "report.pdf", bytes: large }))).status).toBe(302);
    const [big] = (await documentsOf(childId)).filter((d) => d.sizeBytes === large.length);
    const gotLarge = await download(officer, childId, big!.id);
    expect(Buffer.from(await gotLarge.response!.arrayBuffer()).equals(large)).toBe(true);
  });

  it("keeps a provider's documents in S3 too", async () => {
    const { user } = await providerInState("draft");
    const png = samplePng();
    const uploaded = await call(providerUpload, await requestAs(user, "/provider/documents", { method: "POST", body: uploadForm({ kind: "insurance_certificate", description: "Insurance certificate" }, { name: "insurance.png", bytes: png }) }));
    expect(uploaded.status).toBe(302);
    const [row] = await db.select().from(documents).where(eq(documents.uploadedBy, user.id));
    expect(row).toMatchObject({ storage: "s3", objectKey: `documents/${row!.id}` });
    const got = await call(providerDownload, await requestAs(user, `/provider/documents/${row!.id}`), { documentId: row!.id });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.response!.arrayBuffer()).equals(png)).toBe(true);
  });

  it("still downloads a document kept in PostgreSQL before S3 was configured", async () => {
    const { officer, childId } = await officerWithChild("202");
    const docx = sampleDocx();
    setDocumentStorage(postgresDocumentStorage);
    expect((await uploadTo(officer, childId, uploadForm(letter, { name: "report.docx", bytes: docx }))).status).toBe(302);
    setDocumentStorage(storage);
    const [row] = await documentsOf(childId);
    expect(row).toMatchObject({ storage: "postgresql", objectBucket: null, objectKey: null });
    expect(await objectExists(`documents/${row!.id}`)).toBe(false);
    const got = await download(officer, childId, row!.id);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.response!.arrayBuffer()).equals(docx)).toBe(true);
  });

  it("deletes the object again when the transaction that would record it refuses or fails", async () => {
    const { officer, childId } = await officerWithChild("202");
    const before = await objectKeys();
    sent.length = 0;
    // Refused inside the entry writer: the entry was anonymised.
    await makeDue(childId);
    expect(await anonymiseEntry(officer.organisationId, childId, 24, new Date())).toBe(true);
    const refused = await uploadTo(officer, childId, uploadForm(letter, { name: "a.pdf", bytes: samplePdf() }));
    expect(refused).toMatchObject({ status: 409, data: { formError: expect.stringContaining("anonymised") } });
    // Failed by throwing inside the transaction: the entry writer finds no such child in the council's scope.
    const { childId: otherCouncils } = await officerWithChild("203");
    await expect(addChildDocument(scopeOf(officer), otherCouncils, { kind: "letter", description: "x" }, await checked(samplePdf()), actorOf(officer))).rejects.toMatchObject({ init: { status: 404 } });
    expect(await documentsOf(childId)).toEqual([]);
    expect(await documentsOf(otherCouncils)).toEqual([]);
    // Both objects were written and deleted again: none is left.
    const puts = sent.filter((r) => r.method === "PUT").map((r) => r.path);
    expect(puts).toHaveLength(2);
    expect(sent.filter((r) => r.method === "DELETE").map((r) => r.path)).toEqual(puts);
    expect(await objectKeys()).toEqual(before);
  });

  it("records an orphan object S3 would not delete, and the job deletes it once S3 is back", async () => {
    const { childId: otherCouncils } = await officerWithChild("203");
    const officer = await createUser("council_officer", { laCode: "202" });
    // S3 goes down between writing the object and the transaction failing.
    setDocumentStorage({
      ...storage,
      keep: async (documentId, file) => {
        const at = await storage.keep(documentId, file);
        await server.close();
        return at;
      },
    });
    try {
      await expect(addChildDocument(scopeOf(officer), otherCouncils, { kind: "letter", description: "x" }, await checked(samplePdf()), actorOf(officer))).rejects.toMatchObject({ init: { status: 404 } });
      const [recorded] = await db.select().from(documentObjectDeletions);
      expect(recorded).toMatchObject({ bucket: BUCKET, objectKey: expect.stringMatching(/^documents\/[0-9a-f-]{36}$/), attempts: 0 });
      // Still down: the job counts the attempt and keeps the record.
      expect(await deleteRecordedDocumentObjects()).toEqual({ deleted: 0, failed: 1 });
      expect(await db.select({ attempts: documentObjectDeletions.attempts }).from(documentObjectDeletions)).toEqual([{ attempts: 1 }]);
      await startServer(port);
      expect(await objectExists(recorded!.objectKey)).toBe(true);
      expect(await deleteRecordedDocumentObjects()).toEqual({ deleted: 1, failed: 0 });
      expect(await objectExists(recorded!.objectKey)).toBe(false);
      expect(await db.select().from(documentObjectDeletions)).toEqual([]);
    } finally {
      setDocumentStorage(storage);
    }
  });

  it("deletes the object when the entry is anonymised, through the job, retried while S3 is down", async () => {
    expect(JOBS.find((j) => j.name === "delete-document-objects")).toBeDefined();
    const { officer, childId } = await officerWithChild("202");
    expect((await uploadTo(officer, childId, uploadForm(letter, { name: "a.pdf", bytes: samplePdf() }))).status).toBe(302);
    const [row] = await documentsOf(childId);
    await makeDue(childId);
    expect(await anonymiseEntry(officer.organisationId, childId, 24, new Date())).toBe(true);
    const [after] = await documentsOf(childId);
    expect(after!.contentRemovedAt).not.toBeNull();
    expect(after!.fileName).toBe("Removed under the retention schedule");
    expect(await db.select({ bucket: documentObjectDeletions.bucket, objectKey: documentObjectDeletions.objectKey }).from(documentObjectDeletions)).toEqual([{ bucket: BUCKET, objectKey: row!.objectKey }]);
    // Not downloadable from the moment the entry is anonymised, though the object waits for the job.
    expect((await download(officer, childId, row!.id)).status).toBe(404);
    expect(await objectExists(row!.objectKey!)).toBe(true);

    await server.close();
    try {
      expect(await deleteRecordedDocumentObjects()).toEqual({ deleted: 0, failed: 1 });
    } finally {
      await startServer(port);
    }
    expect(await objectExists(row!.objectKey!)).toBe(true);
    expect(await deleteRecordedDocumentObjects()).toEqual({ deleted: 1, failed: 0 });
    expect(await objectExists(row!.objectKey!)).toBe(false);
    expect(await db.select().from(documentObjectDeletions)).toEqual([]);
    // Anonymising again records nothing more.
    expect(await anonymiseEntry(officer.organisationId, childId, 24, new Date())).toBe(false);
    expect(await db.select().from(documentObjectDeletions)).toEqual([]);
  });

  it("refuses an upload clearly while S3 is down, saving nothing, and a download with 503", async () => {
    const { officer, childId } = await officerWithChild("202");
    expect((await uploadTo(officer, childId, uploadForm(letter, { name: "first.pdf", bytes: samplePdf() }))).status).toBe(302);
    const [first] = await documentsOf(childId);
    await server.close();
    try {
      const refused = await uploadTo(officer, childId, uploadForm(letter, { name: "second.pdf", bytes: samplePdf() }));
      expect(refused).toMatchObject({ status: 503, data: { formError: STORAGE_UNAVAILABLE, values: letter } });
      expect(await documentsOf(childId)).toHaveLength(1);
      const history = await db.select().from(entryHistory).where(and(eq(entryHistory.childId, childId), eq(entryHistory.kind, "document_added")));
      expect(history).toHaveLength(1);
      expect((await download(officer, childId, first!.id)).status).toBe(503);
    } finally {
      await startServer(port);
    }
    expect((await download(officer, childId, first!.id)).status).toBe(200);
  });

  it("stops a download whose object is not the file uploaded (its SHA-256 differs)", async () => {
    const { officer, childId } = await officerWithChild("202");
    const pdf = Buffer.concat([samplePdf("The real letter"), Buffer.alloc(1024 * 1024, 0x20)]);
    expect((await uploadTo(officer, childId, uploadForm(letter, { name: "a.pdf", bytes: pdf }))).status).toBe(302);
    const [row] = await documentsOf(childId);
    // The same size, other bytes: only the hash tells.
    const tampered = Buffer.from(pdf);
    tampered[tampered.length - 2] = tampered[tampered.length - 2]! ^ 0xff;
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: row!.objectKey!, Body: tampered }));
    const got = await download(officer, childId, row!.id);
    expect(got.status).toBe(200);
    // The stream fails before its last bytes: the client never holds a complete wrong file.
    const reader = got.response!.body!.getReader();
    let received = 0;
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return null;
        received += value.length;
      }
    })().catch((error: Error) => error);
    expect(failure?.message).toBe("the document's object does not match its SHA-256");
    expect(received).toBeLessThan(pdf.length);
  });
});
