import { describe, expect, it } from "vitest";
import { connectionOptionsFromEnv, shouldSeedDemoData } from "./config";

describe("database configuration", () => {
  it("uses PostgreSQL only when DATABASE_URL is set, else PGlite in PGLITE_DIR", () => {
    expect(connectionOptionsFromEnv({})).toMatchObject({ databaseUrl: undefined, pgliteDir: "./.data/pglite" });
    expect(connectionOptionsFromEnv({ DATABASE_URL: "postgres://x/y", PGLITE_DIR: "/tmp/p" })).toMatchObject({ databaseUrl: "postgres://x/y" });
    expect(connectionOptionsFromEnv({ DATABASE_URL: "  " }).databaseUrl).toBeUndefined();
  });
  it("runs migrations as the owner at DATABASE_MIGRATION_URL when set, and needs DATABASE_URL beside it", () => {
    expect(connectionOptionsFromEnv({ DATABASE_URL: "postgres://app@x/y" }).migrationUrl).toBeUndefined();
    expect(connectionOptionsFromEnv({ DATABASE_URL: "postgres://app@x/y", DATABASE_MIGRATION_URL: "postgres://owner@x/y" })).toMatchObject({ databaseUrl: "postgres://app@x/y", migrationUrl: "postgres://owner@x/y" });
    expect(() => connectionOptionsFromEnv({ DATABASE_MIGRATION_URL: "postgres://owner@x/y" })).toThrow(/without DATABASE_URL/);
  });
  it("prepares statements unless DATABASE_PREPARE=false (for a pooler that cannot keep them)", () => {
    expect(connectionOptionsFromEnv({ DATABASE_URL: "postgres://x/y" }).prepare).toBe(true);
    expect(connectionOptionsFromEnv({ DATABASE_URL: "postgres://x/y", DATABASE_PREPARE: "false" }).prepare).toBe(false);
  });
  it("reads replicas from DATABASE_REPLICA_URLS, only beside DATABASE_URL, with a bound on their lag", () => {
    expect(connectionOptionsFromEnv({ DATABASE_URL: "postgres://x/y" }).replicaUrls).toEqual([]);
    const options = connectionOptionsFromEnv({ DATABASE_URL: "postgres://x/y", DATABASE_REPLICA_URLS: " postgres://r1/y, postgresql://r2/y ,", DATABASE_REPLICA_MAX_LAG_SECONDS: "5" });
    expect(options.replicaUrls).toEqual(["postgres://r1/y", "postgresql://r2/y"]);
    expect(options.replicaSettings?.maxLagSeconds).toBe(5);
    expect(connectionOptionsFromEnv({ DATABASE_URL: "postgres://x/y" }).replicaSettings?.maxLagSeconds).toBe(30);
    expect(() => connectionOptionsFromEnv({ DATABASE_REPLICA_URLS: "postgres://r1/y" })).toThrow(/without DATABASE_URL/);
    expect(() => connectionOptionsFromEnv({ DATABASE_URL: "postgres://x/y", DATABASE_REPLICA_URLS: "r1:5432" })).toThrow(/entry 1 is not a postgres:\/\/ URL/);
    expect(() => connectionOptionsFromEnv({ DATABASE_URL: "postgres://x/y", DATABASE_REPLICA_MAX_LAG_SECONDS: "soon" })).toThrow(/number of seconds/);
  });
  it("seeds demo data outside production, and in production only when asked", () => {
    expect(shouldSeedDemoData({})).toBe(true);
    expect(shouldSeedDemoData({ NODE_ENV: "production" })).toBe(false);
    expect(shouldSeedDemoData({ NODE_ENV: "production", SEED_DEMO_DATA: "true" })).toBe(true);
    expect(shouldSeedDemoData({ SEED_DEMO_DATA: "false" })).toBe(false);
  });
});
