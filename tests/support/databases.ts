import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { pgliteExtensions } from "#db/pglite-extensions";
import { connect, type Connection } from "#db/client";
import { migrate } from "#db/migrate";
import { seedReferenceData } from "#db/seed";

// Each test file gets a database of its own, already migrated, with the reference data (the LAs)
// loaded: on PostgreSQL a copy of a template database, on PGlite a copy of a dumped data folder.
// Copies are quick, so tests never share rows or clean up after each other.

export function serverUrl(): string | undefined {
  return process.env.DATABASE_URL?.trim() || undefined;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function adminClient(url: string) {
  return postgres(url, { max: 1, onnotice: () => {} });
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

/** Builds the template once per test run; returns what each file needs to make its copy. */
export async function prepareTemplate(): Promise<{ kind: "postgres"; template: string } | { kind: "pglite"; dump: string }> {
  const url = serverUrl();
  if (url) {
    const template = uniqueName("cnis_test_template");
    const admin = adminClient(url);
    await admin.unsafe(`create database "${template}"`);
    await admin.end();
    const connection = connect({ databaseUrl: withDatabase(url, template), maxConnections: 2 });
    await migrate(connection);
    await seedReferenceData(connection.db);
    await connection.close();
    return { kind: "postgres", template };
  }
  const connection = connect({ pgliteDir: "memory://" });
  await migrate(connection);
  await seedReferenceData(connection.db);
  const client = (connection.db as unknown as { $client: PGlite }).$client;
  const blob = await client.dumpDataDir("none");
  const dir = mkdtempSync(path.join(os.tmpdir(), "cnis-pglite-"));
  const dump = path.join(dir, "template.tar");
  writeFileSync(dump, Buffer.from(await blob.arrayBuffer()));
  await connection.close();
  return { kind: "pglite", dump };
}

export async function dropTemplate(prepared: Awaited<ReturnType<typeof prepareTemplate>>): Promise<void> {
  if (prepared.kind === "pglite") {
    rmSync(path.dirname(prepared.dump), { recursive: true, force: true });
    return;
  }
  const admin = adminClient(serverUrl()!);
  await admin.unsafe(`drop database if exists "${prepared.template}" with (force)`);
  await admin.end();
}

export interface TestDatabase {
  connection: Connection;
  url?: string;
  drop(): Promise<void>;
}

/** A fresh copy of the template for one test file. */
export async function createTestDatabase(prepared: Awaited<ReturnType<typeof prepareTemplate>>): Promise<TestDatabase> {
  if (prepared.kind === "pglite") {
    const client = new PGlite({ loadDataDir: new Blob([readFileSync(prepared.dump)]), extensions: pgliteExtensions });
    const { drizzle } = await import("drizzle-orm/pglite");
    const schema = await import("#db/schema/index");
    const connection: Connection = {
      db: drizzle(client, { schema, casing: "snake_case" }) as unknown as Connection["db"],
      kind: "pglite",
      close: () => client.close(),
    };
    return { connection, drop: () => connection.close() };
  }
  const url = serverUrl()!;
  const name = uniqueName("cnis_test");
  const admin = adminClient(url);
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}" template "${prepared.template}"`);
      break;
    } catch (error) {
      // Another worker may be copying the template at the same moment (55006: object in use).
      if ((error as { code?: string }).code !== "55006" || attempt > 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const connection = connect({ databaseUrl: withDatabase(url, name), maxConnections: 10 });
  return {
    connection,
    url: withDatabase(url, name),
    async drop() {
      await connection.close();
      const dropper = adminClient(url);
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}
