import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimitFor, readRequestBody, requestBodyOf, UPLOAD_BODY_LIMIT_BYTES } from "./request-body";

// The body reader in front of the app, with a stand-in for React Router that reports what it got.
let server: http.Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(readRequestBody({ defaultLimitBytes: 1024, lingerMs: 300 }));
  // As React Router gets it: the import's upload reads its body as a stream, whose bytes are counted here.
  app.post("/register/import", async (req, res) => {
    const request = new Request("http://localhost/register/import", { method: "POST", headers: { "content-type": req.get("content-type") ?? "" }, ...requestBodyOf(req, res) });
    let streamed = 0;
    let error: string | null = null;
    try {
      for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) streamed += chunk.length;
    } catch (e) {
      error = (e as Error).message;
    }
    res.json({ bytes: (res.locals.body as Buffer | undefined)?.length ?? null, refused: res.locals.refusedBody ?? null, streamed, error });
  });
  app.all(/.*/, (_req, res) => {
    res.json({ bytes: (res.locals.body as Buffer | undefined)?.length ?? null, refused: res.locals.refusedBody ?? null });
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

/** Sends a body in chunks with no Content-Length, as a client streaming it would. */
function sendChunked(path: string, chunks: string[], headers: Record<string, string> = FORM): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method: "POST", headers: { ...headers, "Transfer-Encoding": "chunked" } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

/**
 * Sends a too-large body's first part, waits for the whole answer, then sends the rest: as a client
 * on a slow link does, still sending when the 413 arrives. `stallMs` waits before the rest.
 */
function sendOnAfterTheAnswer(path: string, stallMs = 0): Promise<{ status: number; body: string; sendError: string | null; closedBeforeRest: boolean }> {
  return new Promise((resolve) => {
    const total = 4 * 1024 * 1024;
    const request = http.request(`${base}${path}`, { method: "POST", headers: { ...FORM, "Content-Length": String(total) } });
    let sendError: string | null = null;
    let closed = false;
    request.on("error", (error: NodeJS.ErrnoException) => (sendError = error.code ?? error.message));
    request.on("close", () => (closed = true));
    request.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => {
        setTimeout(() => {
          const closedBeforeRest = closed;
          const rest = Buffer.alloc(total - 2048, "a");
          request.end(rest, () => setTimeout(() => resolve({ status: response.statusCode ?? 0, body, sendError, closedBeforeRest }), 50));
          if (closedBeforeRest) resolve({ status: response.statusCode ?? 0, body, sendError, closedBeforeRest });
        }, stallMs);
      });
    });
    request.write(Buffer.alloc(2048, "a"));
  });
}

describe("request bodies are read to a limit before anything parses them", () => {
  it("passes a form within the limit on to the app", async () => {
    const response = await fetch(`${base}/sign-in`, { method: "POST", headers: FORM, body: "email=a%40b.example" });
    expect(await response.json()).toEqual({ bytes: 19, refused: null });
  });

  it("refuses a page's body over the limit by its declared length, without reading it", async () => {
    const response = await fetch(`${base}/sign-in`, { method: "POST", headers: FORM, body: "x=" + "a".repeat(5000) });
    expect(await response.json()).toEqual({ bytes: 0, refused: { status: 413, limitBytes: 1024 } });
  });

  it("refuses a chunked body once it passes the limit", async () => {
    const response = await sendChunked("/provider/sign-up", Array.from({ length: 10 }, () => "a".repeat(500)));
    expect(JSON.parse(response.body)).toEqual({ bytes: 0, refused: { status: 413, limitBytes: 1024 } });
  });

  it("goes on reading a refused body while the client sends it, so the client is not reset before it reads the 413", async () => {
    for (const path of ["/sign-in", "/api/v1/directory/providers"]) {
      const sent = await sendOnAfterTheAnswer(path);
      // A page's refusal goes on to the app (here a stand-in that reports it); the API answers itself.
      expect(path.startsWith("/api/") ? sent.status : JSON.parse(sent.body).refused.status, path).toBe(413);
      expect(sent.closedBeforeRest, path).toBe(false);
      expect(sent.sendError, path).toBeNull();
    }
  });

  it("cuts off a client that stops sending a refused body for longer than the linger time", async () => {
    const sent = await sendOnAfterTheAnswer("/sign-in", 600);
    expect(JSON.parse(sent.body).refused.status).toBe(413);
    expect(sent.closedBeforeRest).toBe(true);
  });

  it("answers an API's oversized body itself, in JSON", async () => {
    const response = await fetch(`${base}/api/v1/directory/providers`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ q: "a".repeat(5000) }) });
    expect(response.status).toBe(413);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: 413, title: "The request body must be 1 KB or smaller." });
  });

  it("refuses a page's POST that is not a form (415) or whose multipart body cannot be read (400)", async () => {
    for (const headers of [{}, { "Content-Type": "application/json" }, { "Content-Type": "text/plain" }] as Record<string, string>[]) {
      const response = await fetch(`${base}/sign-in`, { method: "POST", headers, body: new TextEncoder().encode('{"email":"a"}') });
      expect((await response.json()).refused, JSON.stringify(headers)).toEqual({ status: 415 });
    }
    const broken = await fetch(`${base}/sign-in`, { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=abc" }, body: "--abc\r\nnot a part" });
    expect((await broken.json()).refused).toEqual({ status: 400 });
    const good = new FormData();
    good.set("email", "a@b.example");
    expect((await (await fetch(`${base}/sign-in`, { method: "POST", body: good })).json()).refused).toBeNull();
  });

  it("reads no body for reads", async () => {
    expect(await (await fetch(`${base}/directory`)).json()).toEqual({ bytes: null, refused: null });
  });

  it("gives the placement-check API its own smaller limit", () => {
    expect(bodyLimitFor("/api/v1/placement-checks", 1_048_576)).toBe(16 * 1024);
    expect(bodyLimitFor("/sign-in", 1_048_576)).toBe(1_048_576);
  });

  it("gives the document uploads, and only them, room for a 10 MB file", () => {
    expect(UPLOAD_BODY_LIMIT_BYTES).toBeGreaterThan(10 * 1024 * 1024);
    expect(UPLOAD_BODY_LIMIT_BYTES).toBeLessThan(11 * 1024 * 1024);
    expect(bodyLimitFor("/register/4c6f9a52-0d0e-4a43-9a3e-1f0c7c2a9e11/documents/new", 1_048_576)).toBe(UPLOAD_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/provider/documents", 1_048_576)).toBe(UPLOAD_BODY_LIMIT_BYTES);
    for (const path of ["/register/x/contacts/new", "/register/x/documents/new/extra", "/register/x/documents/y", "/provider/documents/y", "/register/new"]) expect(bodyLimitFor(path, 1_048_576), path).toBe(1_048_576);
  });

  it("reads an upload's body past the default limit, and refuses the same body elsewhere", async () => {
    const boundary = "----upload";
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n${"a".repeat(4096)}\r\n--${boundary}--\r\n`;
    const headers = { "Content-Type": `multipart/form-data; boundary=${boundary}` };
    const upload = await sendChunked("/provider/documents", [body], headers);
    expect(JSON.parse(upload.body)).toEqual({ bytes: Buffer.byteLength(body), refused: null });
    const elsewhere = await sendChunked("/provider/colleagues", [body], headers);
    expect(JSON.parse(elsewhere.body)).toEqual({ bytes: 0, refused: { status: 413, limitBytes: 1024 } });
  });

  it("streams the import's upload to the page past the default limit, without reading it first, and cuts it off past the import's own limit", async () => {
    const headers = { "Content-Type": "multipart/form-data; boundary=x" };
    const chunks = Array.from({ length: 64 }, () => "a".repeat(64 * 1024));
    const within = JSON.parse((await sendChunked("/register/import", chunks, headers)).body);
    // Never read whole here (no body kept), and every byte reached the page's stream.
    expect(within).toEqual({ bytes: null, refused: null, streamed: 64 * 64 * 1024, error: null });
    const over = JSON.parse((await sendChunked("/register/import", [...chunks, ...Array.from({ length: 21 * 16 }, () => "b".repeat(64 * 1024))], headers)).body);
    expect(over.bytes).toBeNull();
    expect(over.streamed).toBeLessThanOrEqual(bodyLimitFor("/register/import", 1024));
    expect(over.error).toMatch(/over its limit of 21 MB/);
    // Declared over the limit: refused before any of it is read; not a form: 415.
    const declared = await new Promise<string>((resolve, reject) => {
      const request = http.request(`${base}/register/import`, { method: "POST", headers: { ...headers, "Content-Length": String(22 * 1024 * 1024) } }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => {
          resolve(body);
          request.destroy();
        });
      });
      request.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
      request.write("x");
    });
    expect(JSON.parse(declared).refused).toEqual({ status: 413, limitBytes: 21 * 1024 * 1024 });
    const notAForm = await fetch(`${base}/register/import`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "x" });
    expect((await notAForm.json()).refused).toEqual({ status: 415 });
  });
});
