import { afterEach, describe, expect, it } from "vitest";
import { currentConnection } from "#db/client";
import { latestMigrationIn } from "#db/migrate";
import { lifecycle } from "#app/utils/lifecycle.server";
import { readiness } from "#app/utils/readiness.server";

// /readyz's checks against a real, migrated database (PGlite or PostgreSQL).
describe("readiness", () => {
  const state = lifecycle();
  afterEach(() => {
    Object.assign(state, { draining: false, jobQueue: "starting", latestMigration: null });
  });

  it("is ready when the database answers, its migrations are at this build's head and the job queue runs", async () => {
    Object.assign(state, { jobQueue: "running", latestMigration: latestMigrationIn() });
    expect(await readiness(currentConnection())).toEqual({ ready: true, draining: false, database: "ok", migrations: "at head", jobQueue: "running" });
  });

  it("is ready with the job queue disabled in this process (another runs it)", async () => {
    Object.assign(state, { jobQueue: "disabled", latestMigration: latestMigrationIn() });
    expect((await readiness(currentConnection())).ready).toBe(true);
  });

  it("is not ready while draining, before the job queue runs, or with a migration not applied", async () => {
    Object.assign(state, { jobQueue: "running", latestMigration: latestMigrationIn(), draining: true });
    expect(await readiness(currentConnection())).toMatchObject({ ready: false, draining: true });
    Object.assign(state, { draining: false, jobQueue: "starting" });
    expect(await readiness(currentConnection())).toMatchObject({ ready: false, jobQueue: "not running" });
    Object.assign(state, { jobQueue: "running", latestMigration: latestMigrationIn()! + 1 });
    expect(await readiness(currentConnection())).toMatchObject({ ready: false, migrations: "behind" });
  });
});
