import { createHash } from "node:crypto";
import type express from "express";
import type { PublicContent, PublicVersion } from "../app/data/public-versions.server";
import { londonDate } from "../app/domain/dates";
import { GOVUK_FRONTEND_INIT_SCRIPT, JS_ENABLED_SCRIPT } from "../app/utils/inline-scripts";
import { contentSecurityPolicy } from "./security";

// Conditional requests and shared caching for the pages and data that are the same for everyone
// who is not signed in: the public directory, its open data, and the published statistics
// (decision 028). Each answers with a weak ETag and Last-Modified made from a version the database
// moves on whenever the content may have changed (plus the London date, since listings end on a
// date, and the build), and `Cache-Control` that lets a CDN or reverse proxy keep it for a minute
// and serve it stale for ten while it asks again. A request that names the current ETag (or, without
// one, a date not before Last-Modified) is answered 304 before any page is made.

/** Browsers ask again every time (a 304 is cheap); shared caches keep a page 60 s, then serve it stale up to 10 minutes while asking again. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=600";

interface Resource {
  content: PublicContent;
  /** A page (whose inline scripts a shared copy must allow by hash), or data. */
  html: boolean;
  /** Sent in the encoding the client asks for (Brotli, gzip or none), so caches keep one copy per encoding. */
  negotiatesEncoding?: true;
}

const RESOURCES: { path: RegExp; resource: Resource }[] = [
  { path: /^\/directory\/?$/, resource: { content: "directory", html: true } },
  { path: /^\/directory\/[^/]+\/?$/, resource: { content: "directory", html: true } },
  { path: /^\/api\/v1\/directory\/providers(\.csv)?$/, resource: { content: "directory", html: false } },
  { path: /^\/statistics\/?$/, resource: { content: "statistics", html: true } },
  { path: /^\/api\/v1\/statistics\/children-not-in-school\.csv$/, resource: { content: "statistics", html: false, negotiatesEncoding: true } },
  { path: /^\/api\/v1\/statistics\/children-not-in-school\.meta\.csv$/, resource: { content: "statistics", html: false } },
];

/** The public resource a path names, or null for everything else (which no shared cache may keep). */
export function publicResource(path: string): Resource | null {
  return RESOURCES.find((r) => r.path.test(path))?.resource ?? null;
}

/** Someone who may be signed in: their pages are theirs (no-store), never shared. */
export function carriesSession(headers: { cookie?: string | undefined; authorization?: string | undefined }): boolean {
  return Boolean(headers.authorization) || /(?:^|;\s*)(?:__Host-session|session)=/.test(headers.cookie ?? "");
}

export function etagFor(content: PublicContent, version: PublicVersion, today: string, buildId: string): string {
  const digest = createHash("sha256").update(`${content}\n${version.version}\n${today}\n${buildId}`).digest("base64url").slice(0, 22);
  // Weak: the bytes differ between responses (each page carries its own nonce attribute), the content does not.
  return `W/"${digest}"`;
}

/** If-None-Match against our ETag, compared weakly (RFC 9110 13.1.2), with `*` and lists. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const ours = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === ours);
}

/** If-Modified-Since (used only without If-None-Match): not modified when the date given is not before ours. */
export function notModifiedSince(header: string | undefined, lastModified: Date): boolean {
  if (!header) return false;
  const since = Date.parse(header);
  return Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

/** The instant today began in London (midnight there is 23:00 UTC the day before in summer time). */
export function startOfLondonDay(now: Date): Date {
  const today = londonDate(now);
  const midnightUtc = Date.parse(`${today}T00:00:00Z`);
  return new Date(londonDate(new Date(midnightUtc - 3_600_000)) === today ? midnightUtc - 3_600_000 : midnightUtc);
}

/** Last-Modified: the latest of the content's change, the build, and (for the directory, whose listings end on a date) the start of today in London. */
export function lastModifiedOf(content: PublicContent, version: PublicVersion, now: Date, builtAt: Date): Date {
  const candidates = [version.changedAt.getTime(), builtAt.getTime()];
  if (content === "directory") candidates.push(startOfLondonDay(now).getTime());
  return new Date(Math.floor(Math.min(Math.max(...candidates), now.getTime()) / 1000) * 1000);
}

const sha256 = (script: string) => `sha256-${createHash("sha256").update(script).digest("base64")}`;
/** The public pages' inline scripts, allowed by hash: a copy a cache hands to anyone cannot share a nonce. */
export const PUBLIC_PAGE_SCRIPT_HASHES = [sha256(JS_ENABLED_SCRIPT), sha256(GOVUK_FRONTEND_INIT_SCRIPT)] as const;

export interface PublicCacheHeaders {
  etag: string;
  lastModified: string;
  html: boolean;
  negotiatesEncoding?: true;
}

/** What a shared cache must key its copies on: who may be signed in, and the encoding where the resource is sent in several. */
export function varyOf(cache: { negotiatesEncoding?: true }): string {
  return cache.negotiatesEncoding ? "Cookie, Authorization, Accept-Encoding" : "Cookie, Authorization";
}

/** The headers a 200 answer to a public resource carries (set by reactRouterHandler). */
export function publicCacheHeaders(cache: PublicCacheHeaders, development: boolean): Record<string, string> {
  return {
    ETag: cache.etag,
    "Last-Modified": cache.lastModified,
    "Cache-Control": PUBLIC_CACHE_CONTROL,
    Vary: varyOf(cache),
    ...(cache.html ? { "Content-Security-Policy": contentSecurityPolicy({ hashes: PUBLIC_PAGE_SCRIPT_HASHES }, { development }) } : {}),
  };
}

/**
 * Express middleware, just before React Router: for a GET or HEAD of a public resource by someone
 * not signed in, works out the validators and answers 304 when the client already has this
 * version; otherwise leaves them in `res.locals.publicCache`, and reactRouterHandler puts them on
 * the response if it is a 200 (a 404 or a refused filter is not labelled).
 */
export function publicCache(options: {
  version: (content: PublicContent) => Promise<PublicVersion | null>;
  buildId: string;
  builtAt: Date;
  now?: () => Date;
}): express.RequestHandler {
  const now = options.now ?? (() => new Date());
  return async (req, res, next) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") return next();
      const resource = publicResource(req.path);
      if (!resource || carriesSession({ cookie: req.get("cookie"), authorization: req.get("authorization") })) return next();
      const version = await options.version(resource.content);
      if (!version) return next();
      const at = now();
      const cache: PublicCacheHeaders = {
        etag: etagFor(resource.content, version, londonDate(at), options.buildId),
        lastModified: lastModifiedOf(resource.content, version, at, options.builtAt).toUTCString(),
        html: resource.html,
        ...(resource.negotiatesEncoding ? { negotiatesEncoding: true as const } : {}),
      };
      const ifNoneMatch = req.get("if-none-match");
      if (ifNoneMatch ? noneMatch(ifNoneMatch, cache.etag) : notModifiedSince(req.get("if-modified-since"), new Date(cache.lastModified))) {
        // A 304's headers replace the stored response's: only the validators and caching, never a
        // new Content-Security-Policy for a page it does not send.
        res.removeHeader("Content-Security-Policy");
        res.set({ ETag: cache.etag, "Last-Modified": cache.lastModified, "Cache-Control": PUBLIC_CACHE_CONTROL, Vary: varyOf(resource) });
        res.status(304).end();
        return;
      }
      res.locals.publicCache = cache;
      next();
    } catch (error) {
      next(error);
    }
  };
}
