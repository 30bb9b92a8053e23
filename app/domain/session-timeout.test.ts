import { describe, expect, it } from "vitest";
import { announcementText, timeLeftText, timeoutPlan, type SessionStatus } from "./session-timeout";

const MINUTE = 60_000;
const serverNow = Date.UTC(2026, 11, 1, 9, 0);
const status = (endsInMs: number, absoluteInMs = 12 * 60 * MINUTE): SessionStatus => ({ serverNow, expiresAt: serverNow + endsInMs, absoluteExpiresAt: serverNow + absoluteInMs });

describe("when the timeout warning shows", () => {
  it("waits until the lead time before the server's end, then asks again", () => {
    expect(timeoutPlan(status(30 * MINUTE), 0, 2 * MINUTE)).toEqual({ kind: "wait", checkInMs: 28 * MINUTE });
    expect(timeoutPlan(status(30 * MINUTE), 10 * MINUTE, 2 * MINUTE)).toEqual({ kind: "wait", checkInMs: 18 * MINUTE });
  });

  it("warns within the lead time, with the time left counted from the server's answer", () => {
    expect(timeoutPlan(status(30 * MINUTE), 28 * MINUTE, 2 * MINUTE)).toEqual({ kind: "warn", endsInMs: 2 * MINUTE, canExtend: true });
    expect(timeoutPlan(status(90_000), 0, 2 * MINUTE)).toEqual({ kind: "warn", endsInMs: 90_000, canExtend: true });
    expect(timeoutPlan(status(30 * MINUTE), 30 * MINUTE - 1, 2 * MINUTE)).toEqual({ kind: "warn", endsInMs: 1, canExtend: true });
  });

  it("says it has ended at the server's end, not before", () => {
    expect(timeoutPlan(status(30 * MINUTE), 30 * MINUTE, 2 * MINUTE)).toEqual({ kind: "ended" });
    expect(timeoutPlan(status(30 * MINUTE), 31 * MINUTE, 2 * MINUTE)).toEqual({ kind: "ended" });
    expect(timeoutPlan(status(0), 0, 2 * MINUTE)).toEqual({ kind: "ended" });
  });

  it("offers no extension when the absolute lifetime is what ends it", () => {
    expect(timeoutPlan(status(MINUTE, MINUTE), 0, 2 * MINUTE)).toEqual({ kind: "warn", endsInMs: MINUTE, canExtend: false });
    expect(timeoutPlan(status(MINUTE, MINUTE + 500), 0, 2 * MINUTE)).toMatchObject({ canExtend: false });
    expect(timeoutPlan(status(MINUTE, MINUTE + 5_000), 0, 2 * MINUTE)).toMatchObject({ canExtend: true });
  });

  it("never depends on the browser's own clock: only the time since the server answered", () => {
    const skewed = { ...status(30 * MINUTE), serverNow: serverNow + 3 * 3_600_000, expiresAt: serverNow + 3 * 3_600_000 + 30 * MINUTE };
    expect(timeoutPlan(skewed, 0, 2 * MINUTE)).toEqual(timeoutPlan(status(30 * MINUTE), 0, 2 * MINUTE));
  });
});

describe("the time left, as the warning reads it", () => {
  it("in minutes and seconds, rounded up to a whole second", () => {
    expect(timeLeftText(2 * MINUTE)).toBe("2 minutes");
    expect(timeLeftText(MINUTE)).toBe("1 minute");
    expect(timeLeftText(65_000)).toBe("1 minute 5 seconds");
    expect(timeLeftText(61_000)).toBe("1 minute 1 second");
    expect(timeLeftText(44_200)).toBe("45 seconds");
    expect(timeLeftText(1)).toBe("1 second");
    expect(timeLeftText(0)).toBe("0 seconds");
    expect(timeLeftText(-5)).toBe("0 seconds");
  });

  it("announces whole minutes, then every 15 seconds in the last minute", () => {
    expect(announcementText(119_000)).toBe("You will be signed out in 2 minutes");
    expect(announcementText(61_000)).toBe("You will be signed out in 2 minutes");
    expect(announcementText(60_000)).toBe("You will be signed out in 1 minute");
    expect(announcementText(50_000)).toBe("You will be signed out in 1 minute");
    expect(announcementText(44_000)).toBe("You will be signed out in 45 seconds");
    expect(announcementText(14_000)).toBe("You will be signed out in 15 seconds");
    // The same text for each second of a step, so a screen reader hears it once.
    const texts = new Set(Array.from({ length: 15 }, (_, i) => announcementText(31_000 + i * 1_000)));
    expect(texts.size).toBe(1);
  });
});
