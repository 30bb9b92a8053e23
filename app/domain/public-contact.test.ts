import { describe, expect, it } from "vitest";
import { PHONE_MESSAGE, telHref, validatePhone, validateWebsite, WEBSITE_MESSAGE, websiteText } from "./public-contact";

describe("a provider's public phone number", () => {
  it.each(["020 7946 0000", "02079460000", "07700 900 982", "(020) 7946-0000", "+44 20 7946 0000", "+44 (0)20 7946 0000", "01632 960001"])("takes %s", (phone) => {
    expect(validatePhone(phone)).toEqual({ ok: true, value: phone });
  });

  it("keeps the number as typed, with runs of spaces made one", () => {
    expect(validatePhone("  020   7946 0000 ")).toEqual({ ok: true, value: "020 7946 0000" });
  });

  it.each(["", "7946 0000", "020 794 600", "020 7946 00000 1", "+1 212 555 0100", "00 44 20 7946 0000", "0800 FLOWERS", "020 7946 0000 ext 2", "++44 20 7946 0000"])("refuses %j", (phone) => {
    expect(validatePhone(phone)).toEqual({ ok: false, message: PHONE_MESSAGE });
  });

  it("dials digits only, keeping +44 where typed", () => {
    expect(telHref("020 7946 0000")).toBe("tel:02079460000");
    expect(telHref("+44 (0)20 7946-0000")).toBe("tel:+4402079460000");
  });
});

describe("a provider's public website", () => {
  it("adds https:// when no scheme is typed", () => {
    expect(validateWebsite("www.example.org")).toEqual({ ok: true, value: "https://www.example.org/" });
    expect(validateWebsite("example.org/courses?x=1")).toEqual({ ok: true, value: "https://example.org/courses?x=1" });
  });

  it("keeps http and https addresses", () => {
    expect(validateWebsite("http://example.org")).toEqual({ ok: true, value: "http://example.org/" });
    expect(validateWebsite("HTTPS://Example.ORG/About")).toEqual({ ok: true, value: "https://example.org/About" });
  });

  it.each(["", "javascript:alert(1)", "data:text/html,hi", "ftp://example.org", "mailto:a@example.org", "https://localhost", "https://user:pw@example.org", "https://192.168.0.1", "example", "exa mple.org", "https://"])("refuses %j", (website) => {
    expect(validateWebsite(website)).toEqual({ ok: false, message: WEBSITE_MESSAGE });
  });

  it("shows an address without its scheme or a bare trailing slash", () => {
    expect(websiteText("https://www.example.org/")).toBe("www.example.org");
    expect(websiteText("http://example.org/courses/")).toBe("example.org/courses");
  });
});
