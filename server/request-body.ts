import type { IncomingMessage } from "node:http";
import type express from "express";
import { writeReadableStreamToWritable } from "@react-router/node";
import { createRequestHandler as createReactRouterHandler, type AppLoadContext, type ServerBuild } from "react-router";
import { publicCacheHeaders, type PublicCacheHeaders } from "./public-cache";

// Every request body is read here, to a limit, before anything parses it (decision 014): a body
// over its route's limit is never held in memory, whether it declares its length or is chunked.
// React Router then gets a Request made from the bytes already read. One route's body streams
// instead (the bulk import's CSV, decision 075's addendum): it goes to the app as it arrives,
// counted against the same limit, so the server never holds the file.

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
/** A document upload's body: the 10 MB file, and room for the multipart framing and the form's fields. */
export const UPLOAD_BODY_LIMIT_BYTES = 10 * 1024 * 1024 + 64 * 1024;

/**
 * Routes whose bodies may differ from the default, matched on the decoded path. A route that
 * takes files gets its larger limit here, and only it.
 */
const ROUTE_BODY_LIMITS: readonly { path: RegExp; bytes: number; streamed?: true }[] = [
  { path: /^\/api\/v1\/placement-checks\/?$/, bytes: 16 * 1024 },
  // The service admin's upload of GIAS's full establishment extract (about 60 MB; decision 060).
  { path: /^\/service-admin\/schools\/?$/, bytes: 100 * 1024 * 1024 },
  // A document on a child's entry or a provider's application: the file (at most 10 MB, checked
  // again as it is read) and the form around it (decision 079).
  { path: /^\/register\/[^/]+\/documents\/new\/?$/, bytes: UPLOAD_BODY_LIMIT_BYTES },
  { path: /^\/provider\/documents\/?$/, bytes: UPLOAD_BODY_LIMIT_BYTES },
  // A council officer's CSV of children to import: the file's 20 MB and the form around it (decision 075).
  // Its page reads the multipart form itself, as it streams (app/utils/file-upload.server.ts), and
  // answers a broken one. Its body is not read here but streamed to the page as it arrives, still
  // counted against this limit (a body declaring more is refused with 413 before any of it is read),
  // so the server's memory does not grow with the file.
  { path: /^\/register\/import\/?$/, bytes: 21 * 1024 * 1024, streamed: true },
];

/** Whether the route's body streams to the app as it arrives rather than being read here first. */
export function isStreamed(path: string): boolean {
  return ROUTE_BODY_LIMITS.some((route) => route.streamed && route.path.test(path));
}

export function bodyLimitFor(path: string, defaultLimit: number): number {
  return ROUTE_BODY_LIMITS.find((route) => route.path.test(path))?.bytes ?? defaultLimit;
}

/** Why a body was refused before the app saw it; the page or API answers with this status. */
export type RefusedBody = { status: 413; limitBytes: number } | { status: 415 } | { status: 400 };

export const FORM_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"] as const;

const METHODS_WITHOUT_BODY = new Set(["GET", "HEAD", "OPTIONS"]);

function readUpTo(req: IncomingMessage, limit: number): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        cleanup();
        chunks.length = 0;
        // The rest is read and thrown away (see discardTheRest), not kept.
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Whether a form body can be read at all: a multipart body with a broken boundary cannot. */
async function formIsReadable(body: Buffer, contentType: string): Promise<boolean> {
  if (mediaType(contentType) !== "multipart/form-data") return true;
  try {
    await new Response(new Uint8Array(body), { headers: { "Content-Type": contentType } }).formData();
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a body within its limit can go on to the app: a page's must be a form that can be read;
 * an API route reads its own JSON. Shared with the fuzz tests, which call routes as this server would.
 */
export async function refusalOfBody(path: string, contentType: string | undefined, body: Buffer): Promise<RefusedBody | null> {
  if (wantsJson(path)) return null;
  if (!(FORM_CONTENT_TYPES as readonly string[]).includes(mediaType(contentType))) return { status: 415 };
  if (isStreamed(path)) return null;
  if (!(await formIsReadable(body, contentType ?? ""))) return { status: 400 };
  return null;
}

/** How long a refused body may go on arriving after the answer was sent, before the connection is cut. */
export const LINGER_MS = 10_000;

/**
 * A body refused as too large is still read, and thrown away, while the answer goes out: closing
 * the connection on a client still sending makes its operating system reset the connection, and the
 * client may lose the 413 it had been sent (what nginx calls a lingering close). A client still
 * sending `lingerMs` (LINGER_MS unless told) after the answer is cut off.
 */
function discardTheRest(req: IncomingMessage, res: express.Response, lingerMs: number): void {
  req.resume();
  res.once("finish", () => {
    if (req.complete) return;
    const cutOff = setTimeout(() => req.socket.destroy(), lingerMs);
    cutOff.unref();
    req.once("end", () => clearTimeout(cutOff));
    req.once("close", () => clearTimeout(cutOff));
  });
}

function wantsJson(path: string): boolean {
  return path.startsWith("/api/");
}

/**
 * Reads the body into `res.locals.body`. Over the limit: the API answers 413 in JSON here; a page's
 * request goes on to the app with no body and `res.locals.refusedBody`, so the guard answers with
 * the service's own error page. A page's POST must be a form (415 otherwise) that can be read (400).
 */
export function readRequestBody(options: { defaultLimitBytes: number; lingerMs?: number }): express.RequestHandler {
  const lingerMs = options.lingerMs ?? LINGER_MS;
  return (req, res, next) => {
    if (METHODS_WITHOUT_BODY.has(req.method)) return next();
    const limit = bodyLimitFor(req.path, options.defaultLimitBytes);
    const refuse = (refused: RefusedBody) => {
      if (wantsJson(req.path)) {
        const title =
          refused.status === 413
            ? `The request body must be ${describeBytes(refused.limitBytes)} or smaller.`
            : refused.status === 415
              ? "Send the request body as application/json."
              : "The request body could not be read.";
        res.status(refused.status).set("Cache-Control", "no-store").json({ title, status: refused.status });
        return;
      }
      res.locals.refusedBody = refused;
      res.locals.body = Buffer.alloc(0);
      next();
    };
    const declared = Number(req.get("content-length"));
    if (Number.isFinite(declared) && declared > limit) {
      discardTheRest(req, res, lingerMs);
      return refuse({ status: 413, limitBytes: limit });
    }
    if (isStreamed(req.path)) {
      // The page reads the body as it arrives (reactRouterHandler streams it, to the limit); only a
      // body that is no form at all is refused here.
      if (!wantsJson(req.path) && !(FORM_CONTENT_TYPES as readonly string[]).includes(mediaType(req.get("content-type")))) {
        discardTheRest(req, res, lingerMs);
        return refuse({ status: 415 });
      }
      res.locals.streamedBody = { limitBytes: limit, lingerMs };
      return next();
    }
    readUpTo(req, limit).then(
      async (body) => {
        if (body === "too-large") {
          discardTheRest(req, res, lingerMs);
          return refuse({ status: 413, limitBytes: limit });
        }
        res.locals.body = body;
        const refused = await refusalOfBody(req.path, req.get("content-type"), body);
        if (refused) return refuse(refused);
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

export function describeBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/**
 * A streamed route's body, as it arrives: paused while the app has not taken what came before
 * (so no more than a few chunks are held), and cut off with an error one byte past `limitBytes`
 * (the page then finds its form unreadable; the rest is read and thrown away, as for a refused body).
 */
function streamedBody(req: express.Request, res: express.Response, { limitBytes, lingerMs }: { limitBytes: number; lingerMs: number }): ReadableStream<Uint8Array> {
  let total = 0;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on("data", (chunk: Buffer) => {
          if (done) return;
          total += chunk.length;
          if (total > limitBytes) {
            done = true;
            controller.error(new Error(`The request body is over its limit of ${describeBytes(limitBytes)}`));
            discardTheRest(req, res, lingerMs);
            return;
          }
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 1) <= 0) req.pause();
        });
        req.on("end", () => {
          if (done) return;
          done = true;
          controller.close();
        });
        req.on("error", (error) => {
          if (done) return;
          done = true;
          controller.error(error);
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        // The app stopped reading: the rest is read and dropped so the answer can still be sent.
        done = true;
        req.resume();
      },
    },
    { highWaterMark: 4 },
  );
}

/** The app's Request's body: the bytes `readRequestBody` read, or a streamed route's body as it arrives. */
export function requestBodyOf(req: express.Request, res: express.Response): { body?: BodyInit; duplex?: "half" } {
  if (METHODS_WITHOUT_BODY.has(req.method)) return {};
  const streamed = res.locals.streamedBody as { limitBytes: number; lingerMs: number } | undefined;
  if (streamed) return { body: streamedBody(req, res, streamed), duplex: "half" };
  return { body: new Uint8Array((res.locals.body as Buffer | undefined) ?? Buffer.alloc(0)) };
}

const ROUTE_REPLACES = new Set(["content-security-policy", "x-content-type-options"]);

function headersOf(req: express.Request): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }
  return headers;
}

/**
 * React Router's Express adapter, except that the body is the one `readRequestBody` has read (the
 * adapter would stream the socket itself, past any limit), and a response the guard marked
 * personal is sent with `Cache-Control: no-store`.
 */
export function reactRouterHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "development" | "production";
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext;
}): express.RequestHandler {
  const handle = createReactRouterHandler(options.build, options.mode);
  return async (req, res, next) => {
    try {
      const controller = new AbortController();
      let finished = false;
      res.on("finish", () => (finished = true));
      res.on("close", () => !finished && controller.abort());
      const host = (req.app.enabled("trust proxy") && req.get("x-forwarded-host")) || req.get("host") || "localhost";
      const url = new URL(`${req.protocol}://${host.split(/[\\/?#@]/)[0] || "localhost"}${req.originalUrl}`);
      const request = new Request(url.href, { method: req.method, headers: headersOf(req), signal: controller.signal, ...requestBodyOf(req, res) });
      let personal = !METHODS_WITHOUT_BODY.has(req.method);
      const context: AppLoadContext = { ...options.getLoadContext(req, res), markPersonal: () => void (personal = true) };
      let response = await handle(request, context);
      // A signed-in user's page, or any answer to a form, is kept by no cache (browser or proxy).
      if (personal) {
        response = new Response(response.body, response);
        // A route that said no-store itself (a document's download: "private, no-store") keeps its words.
        if (!/\bno-store\b/.test(response.headers.get("Cache-Control") ?? "")) response.headers.set("Cache-Control", "no-store");
      } else if (res.locals.publicCache && response.status === 200) {
        // The same for everyone not signed in: validators and shared caching (server/public-cache.ts).
        response = new Response(response.body, response);
        for (const [name, value] of Object.entries(publicCacheHeaders(res.locals.publicCache as PublicCacheHeaders, options.mode === "development"))) {
          response.headers.set(name, value);
          res.removeHeader(name);
        }
      }
      if (res.destroyed || res.writableEnded) {
        await response.body?.cancel();
        return;
      }
      res.statusMessage = response.statusText;
      res.status(response.status);
      // A route's own Content-Security-Policy or X-Content-Type-Options (a document's download, which
      // may run nothing) replaces the service-wide one rather than being sent beside it.
      for (const [key, value] of response.headers.entries()) {
        if (ROUTE_REPLACES.has(key)) res.setHeader(key, value);
        else res.append(key, value);
      }
      if (!response.body) {
        res.end();
        return;
      }
      try {
        await writeReadableStreamToWritable(response.body, res);
      } catch (error) {
        if (!res.destroyed && !res.writableEnded) throw error;
      }
    } catch (error) {
      next(error);
    }
  };
}
