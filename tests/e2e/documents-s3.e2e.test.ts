import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, describe, expect, it } from "vitest";
import { appAndBrowserForFile } from "../support/e2e-app";
import { signedInPage } from "../support/e2e-session";
import { samplePdf } from "../support/sample-files";

// The built service with documents in S3-compatible object storage (decision 081): a real S3 REST
// server (s3rver) in this process, the app configured through its environment as an operator would.

const BUCKET = "cnis-documents";
const directory = mkdtempSync(path.join(tmpdir(), "cnis-s3-e2e-"));
const s3 = new S3rver({ port: 0, address: "127.0.0.1", directory, silent: true, configureBuckets: [{ name: BUCKET, configs: [] }] });
const { port } = await s3.run();
const endpoint = `http://127.0.0.1:${port}`;
const env = appAndBrowserForFile(
  {
    DOCUMENTS_S3_BUCKET: BUCKET,
    DOCUMENTS_S3_REGION: "eu-west-2",
    DOCUMENTS_S3_ENDPOINT: endpoint,
    DOCUMENTS_S3_FORCE_PATH_STYLE: "true",
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
  },
  {
    afterStop: () => {
      void s3.close().finally(() => rmSync(directory, { recursive: true, force: true }));
    },
  },
);
const client = new S3Client({ endpoint, region: "eu-west-2", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
afterAll(() => client.destroy());

describe("documents in object storage, through the built service", () => {
  it("with JavaScript off: an officer adds a letter, its file goes to the bucket under the document's id, and downloads as it was", async () => {
    const { context, page } = await signedInPage(env.browser(), env.app().baseUrl, "officer@camden.example", { javaScriptEnabled: false });
    const p = page.page;
    await page.goto("/register?q=Bennett%2C+Noah");
    await page.clickAndCheck(p.getByRole("link", { name: "Bennett, Noah" }));
    await page.clickAndCheck(p.locator("#documents").getByRole("link", { name: /^Add a document/ }));
    const pdf = samplePdf("Letter to Noah's parents, kept in S3");
    await p.getByLabel("Upload a file").setInputFiles({ name: "Letter to Noah Bennett's parents.pdf", mimeType: "application/pdf", buffer: pdf });
    await p.getByLabel("Letter", { exact: true }).check();
    await p.getByLabel("Description").fill("Letter about a school place");
    await page.clickAndCheck(p.getByRole("button", { name: "Add the document" }));
    await expect(p.locator(".govuk-notification-banner", { hasText: "The document has been added" }).count()).resolves.toBe(1);

    const keys = ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key!);
    expect(keys).toEqual([expect.stringMatching(/^documents\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)]);
    const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: keys[0]! }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(pdf)).toBe(true);

    const [download] = await Promise.all([p.waitForEvent("download"), p.getByRole("link", { name: /^Download Letter to Noah Bennett/ }).click()]);
    expect(download.suggestedFilename()).toBe("Letter to Noah Bennett_s parents.pdf");
    expect((await readFile((await download.path())!)).equals(pdf)).toBe(true);
    const response = await context.request.get(download.url());
    expect(response.headers()).toMatchObject({ "content-type": "application/pdf", "x-content-type-options": "nosniff", "cache-control": "private, no-store", "content-length": String(pdf.length) });
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=/);
    page.assertAllChecked();
    await context.close();
  });
});
