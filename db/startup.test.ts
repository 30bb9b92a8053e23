import { describe, expect, it } from "vitest";
import { connect } from "./client";
import { databaseUrlProblem, describeDatabaseUrl, waitForDatabase } from "./startup";

describe("describeDatabaseUrl", () => {
  it("names host, port and database, never the user or password", () => {
    expect(describeDatabaseUrl("postgres://cnis:s3cret@db.internal:6432/cnis_prod")).toBe("db.internal:6432/cnis_prod");
    expect(describeDatabaseUrl("postgresql://cnis:s3cret@db.internal/cnis")).toBe("db.internal:5432/cnis");
    expect(describeDatabaseUrl("not a url")).not.toContain("not a url");
  });
});

describe("databaseUrlProblem", () => {
  it("accepts PostgreSQL URLs", () => {
    expect(databaseUrlProblem("postgres://u:p@localhost:5432/db")).toBeNull();
    expect(databaseUrlProblem("postgresql://localhost/db")).toBeNull();
  });

  it("refuses other databases and things that are not URLs, without repeating the URL", () => {
    expect(databaseUrlProblem("mysql://u:s3cret@localhost/db")).toBe("DATABASE_URL must be a PostgreSQL URL (postgres://...), not mysql://...");
    expect(databaseUrlProblem("localhost:5432")).toMatch(/PostgreSQL URL|not a URL/);
    expect(databaseUrlProblem("s3cret")).not.toContain("s3cret");
  });
});

describe("waitForDatabase", () => {
  it("tries again with growing waits, one line each, then gives up with one line naming where", async () => {
    const connection = connect({ databaseUrl: "postgres://cnis:s3cret@127.0.0.1:1/nowhere", maxConnections: 1 });
    const lines: string[] = [];
    try {
      await expect(waitForDatabase(connection, "127.0.0.1:1/nowhere", { timeoutMs: 300, firstDelayMs: 50, maxDelayMs: 100, log: (l) => lines.push(l) })).rejects.toThrow(
        /^cannot reach the database at 127\.0\.0\.1:1\/nowhere \(.*ECONNREFUSED.*\); gave up after \d+ tries$/,
      );
    } finally {
      await connection.close();
    }
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((l) => l.startsWith("cannot reach the database at 127.0.0.1:1/nowhere") && !l.includes("s3cret"))).toBe(true);
  });
});
