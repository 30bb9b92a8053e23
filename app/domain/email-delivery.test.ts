import { describe, expect, it } from "vitest";
import { afterFailure, retryDelayMs } from "./email-delivery";

const now = new Date("2026-11-02T09:00:00Z");
const temporary = { code: "smtp_451", permanent: false };

describe("retrying a failed email", () => {
  it("waits a minute after the first failure, doubling each time, never more than an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000]);
    expect(retryDelayMs(0)).toBe(60_000);
    expect(retryDelayMs(1000)).toBe(3_600_000);
  });

  it("retries a temporary failure until the last attempt, then gives up", () => {
    expect(afterFailure(1, temporary, now, 3)).toEqual({ kind: "retry", at: new Date("2026-11-02T09:01:00Z") });
    expect(afterFailure(2, temporary, now, 3)).toEqual({ kind: "retry", at: new Date("2026-11-02T09:02:00Z") });
    expect(afterFailure(3, temporary, now, 3)).toEqual({ kind: "give-up" });
    expect(afterFailure(4, temporary, now, 3)).toEqual({ kind: "give-up" });
  });

  it("gives up at once on a permanent failure", () => {
    expect(afterFailure(1, { code: "smtp_550", permanent: true }, now, 8)).toEqual({ kind: "give-up" });
  });
});
