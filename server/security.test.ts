import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossOriginWrite, securityHeaders } from "./security";

describe("cross-origin write check", () => {
  const host = "localhost:3000";
  it("lets reads through from anywhere", () => {
    expect(isCrossOriginWrite("GET", { origin: "https://evil.example", host })).toBe(false);
    expect(isCrossOriginWrite("HEAD", {})).toBe(false);
  });
  it("allows a POST from our own origin", () => {
    expect(isCrossOriginWrite("POST", { origin: "http://localhost:3000", host, secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossOriginWrite("POST", { origin: "http://localhost:3000", host })).toBe(false);
  });
  it("refuses a POST from another origin, another site, or with no origin", () => {
    expect(isCrossOriginWrite("POST", { origin: "https://evil.example", host })).toBe(true);
    expect(isCrossOriginWrite("POST", { origin: "http://localhost:3000", host, secFetchSite: "cross-site" })).toBe(true);
    expect(isCrossOriginWrite("POST", { origin: "http://localhost:3000", host, secFetchSite: "same-site" })).toBe(true);
    expect(isCrossOriginWrite("DELETE", { host })).toBe(true);
    expect(isCrossOriginWrite("POST", { origin: "null", host })).toBe(true);
    expect(isCrossOriginWrite("PUT", { origin: "http://localhost:3001", host })).toBe(true);
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
