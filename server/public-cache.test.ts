import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GOVUK_FRONTEND_INIT_SCRIPT, JS_ENABLED_SCRIPT } from "../app/utils/inline-scripts";
import { carriesSession, etagFor, lastModifiedOf, noneMatch, notModifiedSince, PUBLIC_PAGE_SCRIPT_HASHES, publicCacheHeaders, publicResource, startOfLondonDay } from "./public-cache";

const version = { version: "7", changedAt: new Date("2026-11-30T10:00:00Z") };

describe("which responses a shared cache may keep", () => {
  it("names the public directory, its open data and the published statistics, and nothing else", () => {
    expect(publicResource("/directory")).toEqual({ content: "directory", html: true });
    expect(publicResource("/directory/7d3c0f5e-0000-4000-8000-000000000000")).toEqual({ content: "directory", html: true });
    expect(publicResource("/api/v1/directory/providers")).toEqual({ content: "directory", html: false });
    expect(publicResource("/api/v1/directory/providers.csv")).toEqual({ content: "directory", html: false });
    expect(publicResource("/statistics")).toEqual({ content: "statistics", html: true });
    expect(publicResource("/api/v1/statistics/children-not-in-school.csv")).toEqual({ content: "statistics", html: false, negotiatesEncoding: true });
    expect(publicResource("/api/v1/statistics/children-not-in-school.meta.csv")).toEqual({ content: "statistics", html: false });
    for (const path of ["/", "/home", "/register", "/directory/a/b", "/api/v1/placement-checks", "/council-figures", "/statistics/x", "/api/v1/openapi.json"]) {
      expect(publicResource(path), path).toBeNull();
    }
  });

  it("never shares an answer to someone who may be signed in or calls with a token", () => {
    expect(carriesSession({})).toBe(false);
    expect(carriesSession({ cookie: "theme=dark" })).toBe(false);
    expect(carriesSession({ cookie: "__Host-session=abc" })).toBe(true);
    expect(carriesSession({ cookie: "a=1; session=abc" })).toBe(true);
    expect(carriesSession({ cookie: "mysession=abc" })).toBe(false);
    expect(carriesSession({ authorization: "Bearer x" })).toBe(true);
  });
});

describe("validators", () => {
  it("change with the content's version, the London date and the build, and are weak", () => {
    const tag = etagFor("directory", version, "2026-12-01", "build-1");
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{22}"$/);
    expect(etagFor("directory", version, "2026-12-01", "build-1")).toBe(tag);
    expect(etagFor("directory", { ...version, version: "8" }, "2026-12-01", "build-1")).not.toBe(tag);
    expect(etagFor("directory", version, "2026-12-02", "build-1")).not.toBe(tag);
    expect(etagFor("directory", version, "2026-12-01", "build-2")).not.toBe(tag);
    expect(etagFor("statistics", version, "2026-12-01", "build-1")).not.toBe(tag);
  });

  it("matches If-None-Match weakly, in lists and as *", () => {
    const tag = 'W/"abc"';
    expect(noneMatch(undefined, tag)).toBe(false);
    expect(noneMatch('W/"abc"', tag)).toBe(true);
    expect(noneMatch('"abc"', tag)).toBe(true);
    expect(noneMatch('W/"x", W/"abc"', tag)).toBe(true);
    expect(noneMatch("*", tag)).toBe(true);
    expect(noneMatch('W/"abcd"', tag)).toBe(false);
  });

  it("answers If-Modified-Since only for a date not before Last-Modified, to the second", () => {
    const last = new Date("2026-12-01T09:00:00Z");
    expect(notModifiedSince(undefined, last)).toBe(false);
    expect(notModifiedSince("not a date", last)).toBe(false);
    expect(notModifiedSince(last.toUTCString(), last)).toBe(true);
    expect(notModifiedSince(new Date("2026-12-01T09:00:01Z").toUTCString(), last)).toBe(true);
    expect(notModifiedSince(new Date("2026-12-01T08:59:59Z").toUTCString(), last)).toBe(false);
  });

  it("starts the London day at midnight there, in winter and in summer time", () => {
    expect(startOfLondonDay(new Date("2026-12-01T15:00:00Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(startOfLondonDay(new Date("2026-07-01T15:00:00Z")).toISOString()).toBe("2026-06-30T23:00:00.000Z");
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(startOfLondonDay(new Date("2026-06-30T23:30:00Z")).toISOString()).toBe("2026-06-30T23:00:00.000Z");
  });

  it("dates the directory from its last change, the build, or the start of today, whichever is latest", () => {
    const now = new Date("2026-12-01T15:00:00.500Z");
    const builtAt = new Date("2026-11-01T00:00:00Z");
    expect(lastModifiedOf("directory", version, now, builtAt).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(lastModifiedOf("statistics", version, now, builtAt).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    const changedToday = { version: "9", changedAt: new Date("2026-12-01T14:00:00.900Z") };
    expect(lastModifiedOf("directory", changedToday, now, builtAt).toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(lastModifiedOf("statistics", version, now, new Date("2026-12-01T12:00:00Z")).toISOString()).toBe("2026-12-01T12:00:00.000Z");
  });
});

describe("the headers of a public answer", () => {
  it("let shared caches keep it a minute and serve it stale while they ask again, per cookie", () => {
    const headers = publicCacheHeaders({ etag: 'W/"a"', lastModified: "Tue, 01 Dec 2026 00:00:00 GMT", html: false }, false);
    expect(headers).toEqual({
      ETag: 'W/"a"',
      "Last-Modified": "Tue, 01 Dec 2026 00:00:00 GMT",
      "Cache-Control": "public, max-age=0, s-maxage=60, stale-while-revalidate=600",
      Vary: "Cookie, Authorization",
    });
  });

  it("allow a public page's inline scripts by their hashes, not a nonce a shared copy would give everyone", () => {
    const csp = publicCacheHeaders({ etag: 'W/"a"', lastModified: "x", html: true }, false)["Content-Security-Policy"]!;
    expect(csp).not.toContain("nonce-");
    const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
    expect(csp).toContain(`script-src 'self' ${hash(JS_ENABLED_SCRIPT)} ${hash(GOVUK_FRONTEND_INIT_SCRIPT)}`);
    expect(PUBLIC_PAGE_SCRIPT_HASHES).toHaveLength(2);
  });
});
