import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossOriginWrite, isTokenAuthenticatedRoute, routedPath, securityHeaders } from "./security";

describe("cross-origin write check", () => {
  const ownOrigin = "http://localhost:3000";
  it("lets reads through from anywhere", () => {
    expect(isCrossOriginWrite("GET", { origin: "https://evil.example", ownOrigin })).toBe(false);
    expect(isCrossOriginWrite("HEAD", { ownOrigin })).toBe(false);
  });
  it("allows a POST from our own origin", () => {
    expect(isCrossOriginWrite("POST", { origin: "http://localhost:3000", ownOrigin, secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossOriginWrite("POST", { origin: "http://localhost:3000", ownOrigin })).toBe(false);
    expect(isCrossOriginWrite("POST", { origin: "https://service.example", ownOrigin: "https://service.example:443" })).toBe(false);
  });
  it("refuses a POST from another origin, another site, or with no origin", () => {
    expect(isCrossOriginWrite("POST", { origin: "https://evil.example", ownOrigin })).toBe(true);
    expect(isCrossOriginWrite("POST", { origin: "http://localhost:3000", ownOrigin, secFetchSite: "cross-site" })).toBe(true);
    expect(isCrossOriginWrite("POST", { origin: "http://localhost:3000", ownOrigin, secFetchSite: "same-site" })).toBe(true);
    expect(isCrossOriginWrite("DELETE", { ownOrigin })).toBe(true);
    expect(isCrossOriginWrite("POST", { origin: "null", ownOrigin })).toBe(true);
    expect(isCrossOriginWrite("PUT", { origin: "http://localhost:3001", ownOrigin })).toBe(true);
  });
  it("compares the whole origin: the same host on another scheme or port is another site", () => {
    expect(isCrossOriginWrite("POST", { origin: "https://localhost:3000", ownOrigin })).toBe(true);
    expect(isCrossOriginWrite("POST", { origin: "http://localhost:8080", ownOrigin: "http://localhost:3000" })).toBe(true);
    expect(isCrossOriginWrite("POST", { origin: "http://service.example", ownOrigin: "https://service.example" })).toBe(true);
    expect(isCrossOriginWrite("POST", { origin: "https://service.example:8443", ownOrigin: "https://service.example" })).toBe(true);
  });
});

describe("routes exempt from the cross-origin check", () => {
  it("is only the bearer-token API, matched after the path is normalised as React Router will route it", () => {
    expect(isTokenAuthenticatedRoute("/api/v1/placement-checks")).toBe(true);
    expect(isTokenAuthenticatedRoute("/api/v1/placement-checks/")).toBe(true);
    expect(isTokenAuthenticatedRoute("/api/%2e%2e/sign-out")).toBe(false);
    expect(isTokenAuthenticatedRoute("/api/../sign-out")).toBe(false);
    expect(isTokenAuthenticatedRoute("/api/v1/placement-checks/%2e%2e/%2e%2e/%2e%2e/sign-out")).toBe(false);
    expect(isTokenAuthenticatedRoute("/api/v1/directory/providers")).toBe(false);
    expect(isTokenAuthenticatedRoute("/api/anything")).toBe(false);
    expect(routedPath("/api/%2E%2E/sign-out?x=1")).toBe("/sign-out");
  });
});

describe("security headers", () => {
  it("allows scripts only from us or with this response's nonce, and never framing", () => {
    const csp = contentSecurityPolicy("abc123", { development: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
  });
  it("sets the headers the service standard expects", () => {
    const headers = securityHeaders("n", { development: false, https: true });
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("same-origin");
    expect(headers["Strict-Transport-Security"]).toContain("max-age=");
    expect(securityHeaders("n", { development: false, https: false })["Strict-Transport-Security"]).toBeUndefined();
  });
});
