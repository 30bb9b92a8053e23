import { describe, expect, it } from "vitest";
import { mayAskProvider, nextAskAllowedOn, providerKey } from "./provider-requests";

describe("asking the same provider again", () => {
  it("allows a first request whatever the setting", () => {
    expect(mayAskProvider(null, "2026-12-01", 3)).toEqual({ ok: true });
  });

  it("refuses within the period, naming the first day it may ask, and allows from that day", () => {
    expect(mayAskProvider("2026-12-01", "2027-02-28", 3)).toEqual({ ok: false, allowedOn: "2027-03-01" });
    expect(mayAskProvider("2026-12-01", "2027-03-01", 3)).toEqual({ ok: true });
    expect(mayAskProvider("2026-12-01", "2026-12-01", 3)).toEqual({ ok: false, allowedOn: "2027-03-01" });
  });

  it("counts calendar months, ending a short month on its last day", () => {
    expect(nextAskAllowedOn("2026-11-30", 3)).toBe("2027-02-28");
    expect(nextAskAllowedOn("2026-12-01", 1)).toBe("2027-01-01");
  });

  it("puts no limit when the setting is 0", () => {
    expect(mayAskProvider("2026-12-01", "2026-12-01", 0)).toEqual({ ok: true });
  });

  it("treats an address however typed as the same provider", () => {
    expect(providerKey("  Tutor@Example.COM ")).toBe("tutor@example.com");
  });
});
