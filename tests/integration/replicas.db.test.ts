import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localAuthorityOptions } from "#app/data/directory.server";
import { connect, currentConnection, readStale, rowsOf, setConnection, type Connection } from "#db/client";
import { migrate } from "#db/migrate";
import { seedReferenceData } from "#db/seed";
import { postgresBin, primaryWithReplica, type PrimaryAndReplica } from "../support/postgres-cluster";

// Reads that may be slightly stale against a real streaming replica (decision 027): a primary and
// a replica made by pg_basebackup -R, both throwaway clusters of the machine's PostgreSQL. Only
// where a PostgreSQL server is installed (the PostgreSQL run of the suite); PGlite has no replicas.
const bin = process.env.DATABASE_URL ? postgresBin() : null;

describe.runIf(bin)("reads on a read replica", () => {
  let clusters: PrimaryAndReplica;
  let connection: Connection;
  let previous: Connection;
  let onReplica: postgres.Sql;
  let onPrimary: postgres.Sql;

  const waitFor = async (what: string, check: () => Promise<boolean>) => {
    for (let i = 0; i < 200; i += 1) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting: ${what}`);
  };
  const replicaHas = async (table: string) =>
    (await onReplica`select to_regclass(${table}) is not null as present`)[0]?.present === true;

  beforeAll(async () => {
    clusters = await primaryWithReplica(bin!);
    const admin = postgres(clusters.primary.url(), { max: 1, onnotice: () => {} });
    await admin`create database cnis`;
    await admin.end();
    connection = connect({
      databaseUrl: clusters.primary.url("cnis"),
      replicaUrls: [clusters.replica.url("cnis")],
      maxConnections: 2,
      replicaSettings: { maxLagSeconds: 1, retryAfterMs: 60_000, lagCheckEveryMs: 60_000 },
    });
    await migrate(connection);
    await seedReferenceData(connection.db);
    onPrimary = postgres(clusters.primary.url("cnis"), { max: 1, onnotice: () => {} });
    onReplica = postgres(clusters.replica.url("cnis"), { max: 1, onnotice: () => {} });
    await waitFor("the replica to replay the migrations", async () => (await replicaHas("public.organisations")) && (await onReplica`select count(*)::int as n from organisations`)[0]?.n > 0);
    await connection.stale!.measure();
    previous = currentConnection();
    setConnection(connection);
  }, 120_000);

  afterAll(async () => {
    if (previous) setConnection(previous);
    await onReplica?.end();
    await onPrimary?.end();
    await connection?.close();
    clusters?.remove();
  });

  it("sends a stale-tolerant read to the replica, and every other query to the primary", async () => {
    const [stale] = rowsOf<{ recovering: boolean }>(await readStale((db) => db.execute(sql`select pg_is_in_recovery() as recovering`)));
    expect(stale?.recovering).toBe(true);
    const [fresh] = rowsOf<{ recovering: boolean }>(await connection.db.execute(sql`select pg_is_in_recovery() as recovering`));
    expect(fresh?.recovering).toBe(false);

    const before = connection.stale!.counts().replica;
    const councils = await localAuthorityOptions();
    expect(councils.map((c) => c.name)).toContain("Camden");
    expect(connection.stale!.counts().replica).toBe(before + 1);
  });

  it("leaves out a replica that falls further behind than the limit, and takes it back once it catches up", async () => {
    await onReplica`select pg_wal_replay_pause()`;
    await onPrimary`create table lag_marker (id int)`;
    // The replica has received the change but not replayed it: a read there would not see it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await replicaHas("public.lag_marker")).toBe(false);
    await connection.stale!.measure();
    expect(connection.stale!.status()[0]).toMatchObject({ usable: false });
    expect(connection.stale!.status()[0]!.lagSeconds).toBeGreaterThan(1);

    const [row] = rowsOf<{ present: boolean }>(await readStale((db) => db.execute(sql`select to_regclass('public.lag_marker') is not null as present`)));
    expect(row?.present).toBe(true); // answered by the primary

    await onReplica`select pg_wal_replay_resume()`;
    await waitFor("the replica to catch up", () => replicaHas("public.lag_marker"));
    await connection.stale!.measure();
    expect(connection.stale!.status()[0]).toMatchObject({ usable: true, lagSeconds: 0 });
    const [again] = rowsOf<{ recovering: boolean }>(await readStale((db) => db.execute(sql`select pg_is_in_recovery() as recovering`)));
    expect(again?.recovering).toBe(true);
  });

  it("answers from the primary when the replica goes away, without an error", async () => {
    await onReplica.end();
    clusters.replica.stop("immediate");
    const fallbacks = connection.stale!.counts().fallback;
    const councils = await localAuthorityOptions();
    expect(councils.map((c) => c.name)).toContain("Leeds");
    expect(connection.stale!.counts().fallback).toBe(fallbacks + 1);
    expect(connection.stale!.status()[0]).toMatchObject({ usable: false });
    // Left out for a while: the next read goes straight to the primary.
    const primaryReads = connection.stale!.counts().primary;
    await localAuthorityOptions();
    expect(connection.stale!.counts().primary).toBe(primaryReads + 1);
  });
});
