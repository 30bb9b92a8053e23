import { describe, expect, it } from "vitest";
import { percentile, statsOf } from "./stats";

describe("benchmark statistics", () => {
  it("takes percentiles by nearest rank", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("sorts before it ranks, and counts throughput over the run", () => {
    expect(statsOf([30, 10, 20, 40], 2, 1)).toEqual({ requests: 4, seconds: 2, rps: 2, p50: 20, p95: 40, p99: 40, errors: 1 });
  });
});
