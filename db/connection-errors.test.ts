import { describe, expect, it } from "vitest";
import { isConnectionLost } from "./connection-errors";

const withCode = (code: string) => Object.assign(new Error("x"), { code });

describe("isConnectionLost", () => {
  it("knows postgres.js's closed-connection codes and Node's socket errors", () => {
    for (const code of ["CONNECTION_CLOSED", "CONNECTION_DESTROYED", "CONNECTION_ENDED", "CONNECT_TIMEOUT", "ECONNREFUSED", "ECONNRESET", "EPIPE"]) {
      expect(isConnectionLost(withCode(code)), code).toBe(true);
    }
  });

  it("knows PostgreSQL's connection exceptions and shut-down codes", () => {
    for (const code of ["08000", "08003", "08006", "57P01", "57P02", "57P03"]) expect(isConnectionLost(withCode(code)), code).toBe(true);
  });

  it("finds the code on drizzle's wrapping error's cause", () => {
    const wrapped = new Error("Failed query: select 1", { cause: withCode("CONNECTION_CLOSED") });
    expect(isConnectionLost(wrapped)).toBe(true);
  });

  it("leaves query errors, constraint violations, deadlocks and anything else alone", () => {
    for (const code of ["23505", "40P01", "40001", "42P01", "22P02", "57014"]) expect(isConnectionLost(withCode(code)), code).toBe(false);
    expect(isConnectionLost(new Error("plain"))).toBe(false);
    expect(isConnectionLost(null)).toBe(false);
    expect(isConnectionLost("CONNECTION_CLOSED")).toBe(false);
  });
});
