import { describe, expect, it } from "vitest";
import type { Database } from "./client";
import { replicaRouter, type ReplicaSettings } from "./replicas";

// The router's choices, with stand-in databases: each answers the lag query with its own lag (or
// fails), and a read is a function of the database it was given. The real thing, against a
// streaming replica, is tests/integration/replicas.db.test.ts.

interface Fake {
  name: string;
  lag: number;
  down: boolean;
}

const lostConnection = () => Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });

function fakeDb(fake: Fake): Database {
  return {
    name: fake.name,
    execute: async () => {
      if (fake.down) throw lostConnection();
      return [{ lag: fake.lag }];
    },
  } as unknown as Database;
}

const settings: ReplicaSettings = { maxLagSeconds: 10, retryAfterMs: 5_000, lagCheckEveryMs: 2_000 };
const nameOf = (db: Database) => (db as unknown as { name: string }).name;

function setUp(...replicas: Fake[]) {
  let clock = 1_000_000;
  const primary = fakeDb({ name: "primary", lag: 0, down: false });
  const router = replicaRouter(primary, replicas.map(fakeDb), settings, () => clock);
  const readName = () =>
    router.read(async (db) => {
      const replica = replicas.find((r) => r.name === nameOf(db));
      if (replica?.down) throw lostConnection();
      return nameOf(db);
    });
  return { router, readName, advance: (ms: number) => (clock += ms) };
}

describe("the replica router", () => {
  it("reads from the primary when there are no replicas", async () => {
    const { router, readName } = setUp();
    expect(await readName()).toBe("primary");
    expect(router.counts()).toEqual({ replica: 0, primary: 1, fallback: 0 });
  });

  it("uses the primary until a replica's lag has been measured, then takes the replicas in turn", async () => {
    const { router, readName } = setUp({ name: "r1", lag: 0, down: false }, { name: "r2", lag: 1, down: false });
    expect(await readName()).toBe("primary");
    await router.measure();
    expect([await readName(), await readName(), await readName()]).toEqual(["r1", "r2", "r1"]);
  });

  it("leaves out a replica further behind than the limit, and uses it again once it has caught up", async () => {
    const r1: Fake = { name: "r1", lag: 60, down: false };
    const { router, readName, advance } = setUp(r1, { name: "r2", lag: 0, down: false });
    await router.measure();
    expect([await readName(), await readName()]).toEqual(["r2", "r2"]);
    r1.lag = 0;
    advance(settings.lagCheckEveryMs);
    await readName(); // starts the next measurement in the background
    await new Promise((resolve) => setImmediate(resolve));
    expect(new Set([await readName(), await readName()])).toEqual(new Set(["r1", "r2"]));
  });

  it("reads from the primary when every replica is too far behind", async () => {
    const { router, readName } = setUp({ name: "r1", lag: 11, down: false });
    await router.measure();
    expect(await readName()).toBe("primary");
    expect(router.status()).toEqual([{ name: "replica-1", usable: false, lagSeconds: 11 }]);
  });

  it("runs a read again on the primary when its replica has gone away, and leaves the replica out for a while", async () => {
    const r1: Fake = { name: "r1", lag: 0, down: false };
    const { router, readName, advance } = setUp(r1);
    await router.measure();
    r1.down = true;
    expect(await readName()).toBe("primary");
    expect(router.counts()).toEqual({ replica: 0, primary: 0, fallback: 1 });
    expect(await readName()).toBe("primary");
    expect(router.counts().primary).toBe(1);
    r1.down = false;
    advance(settings.retryAfterMs);
    await readName();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await readName()).toBe("r1");
  });

  it("runs a read again on the primary when the replica cancelled it to replay WAL, without leaving the replica out", async () => {
    const { router } = setUp({ name: "r1", lag: 0, down: false });
    await router.measure();
    let tries = 0;
    const answer = await router.read(async (db) => {
      tries += 1;
      if (nameOf(db) === "r1") throw Object.assign(new Error("canceling statement due to conflict with recovery"), { code: "40001" });
      return nameOf(db);
    });
    expect(answer).toBe("primary");
    expect(tries).toBe(2);
    expect(router.status()[0]?.usable).toBe(true);
  });

  it("does not hide a read's own mistakes: any other error is the caller's", async () => {
    const { router } = setUp({ name: "r1", lag: 0, down: false });
    await router.measure();
    await expect(router.read(async () => Promise.reject(Object.assign(new Error("syntax error"), { code: "42601" })))).rejects.toThrow("syntax error");
    expect(router.counts().fallback).toBe(0);
  });
});
